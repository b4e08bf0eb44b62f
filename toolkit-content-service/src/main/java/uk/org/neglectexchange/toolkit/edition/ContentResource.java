package uk.org.neglectexchange.toolkit.edition;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.problem.ProblemException;

/** The parts of an edition, each on its own; {@code {version}} may be {@code current}. */
@Path("/api/v1/toolkits/{family}/editions/{version}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Toolkit content")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ "toolkit-read", "toolkit-edit" })
public class ContentResource {

    @Inject
    EditionLookup lookup;

    @Inject
    EditionService editions;

    @Inject
    ObjectMapper json;

    @Context
    Request request;

    @PathParam("family")
    String family;

    @Parameter(description = "A semantic version, or current")
    @PathParam("version")
    String version;

    @GET
    @Path("/thresholds")
    @Operation(summary = "Threshold levels 1–4 with names and descriptors")
    @APIResponse(responseCode = "200", description = "The levels", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.ThresholdLevel.class)))
    public Response thresholds() {
        return part("thresholds", EditionContent::thresholdLevels);
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Howe's four categories of neglect, with descriptors")
    @APIResponse(responseCode = "200", description = "The categories", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.NeglectCategory.class)))
    public Response categories() {
        return part("categories", EditionContent::neglectCategories);
    }

    @GET
    @Path("/approaches")
    @Operation(summary = "The best-practice approaches")
    @APIResponse(responseCode = "200", description = "The approaches", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.PracticeApproach.class)))
    public Response approaches() {
        return part("approaches", EditionContent::practiceApproaches);
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "Indicator areas and their graded items, optionally for one age band and one area")
    @APIResponse(responseCode = "200", description = "The areas with the matching indicators", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.IndicatorArea.class)))
    public Response indicators(
            @Parameter(description = "PRE_BIRTH, 0_4, 5_11 or 12_17") @QueryParam("ageBand") String ageBand,
            @Parameter(description = "An area code, e.g. PHYSICAL_CARE") @QueryParam("area") String area) {
        EditionContent.AgeBand band = ageBand == null ? null : parseAgeBand(ageBand);
        return part("indicators:" + ageBand + ":" + area, content -> content.indicatorAreas().stream()
                .filter(a -> area == null || a.code().equals(area))
                .map(a -> new EditionContent.IndicatorArea(a.code(), a.name(), a.indicators().stream()
                        .filter(i -> band == null || i.ageBand() == band).toList()))
                .toList());
    }

    @GET
    @Path("/guidance")
    @Operation(summary = "Guidance documents (markdown)")
    @APIResponse(responseCode = "200", description = "The guidance documents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.GuidanceDocument.class)))
    public Response guidance() {
        return part("guidance", EditionContent::guidance);
    }

    @GET
    @Path("/guidance/{code}")
    @Operation(summary = "One guidance document")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EditionContent.GuidanceDocument.class)))
    public Response guidanceDocument(@PathParam("code") String code) {
        Resolved resolved = resolve();
        EditionContent.GuidanceDocument document = resolved.content().guidance().stream()
                .filter(g -> g.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("This edition has no guidance document with this code"));
        return CacheableContent.ok(request, resolved.edition(), resolved.viaCurrent(), "guidance:" + code, document,
                MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    @Path("/strategy")
    @Operation(summary = "The strategy and its action plan (actions with owner agency, due date, status and RAG)")
    @APIResponse(responseCode = "200", description = "The strategy", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EditionContent.Strategy.class)))
    public Response strategy() {
        return part("strategy", EditionContent::strategy);
    }

    @GET
    @Path("/action-plan")
    @Operation(summary = "The strategy's action plan")
    @APIResponse(responseCode = "200", description = "The actions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionContent.Action.class)))
    public Response actionPlan() {
        return part("action-plan", content -> content.strategy().actionPlan());
    }

    @GET
    @Path("/diff")
    @Operation(summary = "What this edition added, changed and removed compared with an earlier one, matched by code")
    public EditionDiff diff(@Parameter(description = "The version to compare with", required = true) @QueryParam("from") String from) {
        if (from == null || from.isBlank()) {
            throw ProblemException.unprocessable("from", "names the version to compare with, e.g. from=1.0.0");
        }
        Edition base = lookup.resolve(family, from);
        Edition edition = lookup.resolve(family, version);
        return EditionDiff.between(base.version, editions.contentOf(base), edition.version, editions.contentOf(edition), json);
    }

    private Response part(String variant, java.util.function.Function<EditionContent, Object> select) {
        Resolved resolved = resolve();
        return CacheableContent.ok(request, resolved.edition(), resolved.viaCurrent(), variant,
                select.apply(resolved.content()), MediaType.APPLICATION_JSON_TYPE);
    }

    private Resolved resolve() {
        Edition edition = lookup.resolve(family, version);
        return new Resolved(edition, EditionLookup.CURRENT.equals(version), editions.contentOf(edition));
    }

    private record Resolved(Edition edition, boolean viaCurrent, EditionContent content) {
    }

    private static EditionContent.AgeBand parseAgeBand(String code) {
        try {
            return EditionContent.AgeBand.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", e.getMessage(),
                    List.of(new uk.org.neglectexchange.platform.problem.Problem.FieldError("ageBand", e.getMessage())));
        }
    }
}
