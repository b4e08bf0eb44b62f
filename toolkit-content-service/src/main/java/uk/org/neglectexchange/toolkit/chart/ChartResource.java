package uk.org.neglectexchange.toolkit.chart;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import uk.org.neglectexchange.platform.negotiation.Representation;
import uk.org.neglectexchange.platform.pdf.XhtmlPdf;
import uk.org.neglectexchange.platform.problem.ProblemException;
import uk.org.neglectexchange.toolkit.edition.CacheableContent;
import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.EditionLookup;
import uk.org.neglectexchange.toolkit.edition.EditionService;

/** Charts to download or print: JSON, print-ready HTML and PDF, chosen by Accept or by {@code ?format=}. */
@Path("/api/v1/toolkits/{family}/editions/{version}/charts")
@Tag(name = "Toolkit charts")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ "toolkit-read", "toolkit-edit" })
public class ChartResource {

    private static final MediaType PDF = new MediaType("application", "pdf");

    @Inject
    EditionLookup lookup;

    @Inject
    EditionService editions;

    @Inject
    @Location("chart.html")
    Template template;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The charts this edition offers")
    public List<String> list(@PathParam("family") String family, @PathParam("version") String version) {
        // resolved only to turn an unknown family or edition into a 404, like every other path below it
        lookup.resolve(family, version);
        return Charts.codes();
    }

    @GET
    @Path("/{chart}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf" })
    @Operation(summary = "One chart as JSON, print-ready HTML (Accept: text/html) or PDF (Accept: application/pdf)")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Chart.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response chart(@PathParam("family") String family, @PathParam("version") String version,
            @PathParam("chart") String code,
            @Parameter(description = "json, html or pdf: overrides Accept, for links") @QueryParam("format") String format) {
        Edition edition = lookup.resolve(family, version);
        Chart chart = Charts.of(code, edition, editions.contentOf(edition))
                .orElseThrow(() -> ProblemException.notFound("No chart with this code (charts: " + String.join(", ", Charts.codes()) + ")"));
        MediaType type = representation(format);
        boolean viaCurrent = EditionLookup.CURRENT.equals(version);
        if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return CacheableContent.ok(request, edition, viaCurrent, "chart:" + code, chart, type);
        }
        String html = template.data("chart", chart).render();
        if (type.equals(MediaType.TEXT_HTML_TYPE)) {
            return CacheableContent.ok(request, edition, viaCurrent, "chart-html:" + code, html, MediaType.TEXT_HTML_TYPE);
        }
        String filename = edition.family + "-" + edition.version + "-" + code + ".pdf";
        return Response.fromResponse(CacheableContent.ok(request, edition, viaCurrent, "chart-pdf:" + code,
                () -> XhtmlPdf.render(html, "chart"), PDF)).header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }

    private MediaType representation(String format) {
        if (format != null) {
            return switch (format) {
                case "json" -> MediaType.APPLICATION_JSON_TYPE;
                case "html" -> MediaType.TEXT_HTML_TYPE;
                case "pdf" -> PDF;
                default -> throw ProblemException.unprocessable("format", "must be json, html or pdf");
            };
        }
        return Representation.chosen(headers, List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE, PDF));
    }
}
