package uk.org.neglectexchange.toolkit.edition;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/toolkits/{family}/editions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Toolkit editions")
@SecurityRequirement(name = "oauth2")
public class EditionResource {

    @Inject
    EditionService editions;

    @Inject
    Caller caller;

    @Inject
    EditionLookup lookup;

    /** Edits name no child: the audit keeps who changed the partnership's toolkit, under the caller's partnership. */
    @Inject
    Audit audit;

    @Context
    Request request;

    @GET
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "List a family's editions, newest first (drafts only for the family's editors)")
    public List<EditionView> list(@PathParam("family") String family) {
        ToolkitFamily f = lookup.family(family);
        return editions.editions(f, lookup.editsFamily(f)).stream().map(editions::view).toList();
    }

    @GET
    @Path("/current")
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "The family's one published edition")
    @APIResponse(responseCode = "200", description = "The edition (ETag; 304 on If-None-Match)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionView.class)))
    public Response current(@PathParam("family") String family) {
        return byVersion(family, EditionLookup.CURRENT);
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "One edition by its semantic version; superseded editions stay readable")
    @APIResponse(responseCode = "200", description = "The edition (ETag; 304 on If-None-Match)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionView.class)))
    public Response byVersion(@PathParam("family") String family, @PathParam("version") String version) {
        Edition edition = lookup.resolve(family, version);
        return CacheableContent.ok(request, edition, EditionLookup.CURRENT.equals(version), "edition",
                () -> editions.view(edition), MediaType.APPLICATION_JSON_TYPE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Open a draft edition as a copy of the current published edition")
    @APIResponse(responseCode = "201", description = "Opened (or opened before with this Idempotency-Key: the same draft)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "409", description = "The family already has an open draft")
    @APIResponse(responseCode = "422", description = "The version is not above every earlier one, or the Idempotency-Key"
            + " was used for another request")
    public Response openDraft(@PathParam("family") String family,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewDraft draft) {
        EditionView created = audit.recorded("toolkit.edition.open", null, () -> editions.openDraft(
                lookup.editableFamily(family), draft.version(), caller.clientId(), idempotencyKey));
        return Response.created(URI.create("/api/v1/toolkits/" + lookup.family(family) + "/editions/" + created.version()))
                .entity(created).build();
    }

    @PUT
    @Path("/{version}/content")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Replace a draft's content (a published edition is immutable: 409)")
    public EditionView replaceContent(@PathParam("family") String family, @PathParam("version") String version,
            @Valid @NotNull EditionContent content) {
        return audit.recorded("toolkit.edition.edit", null,
                () -> editions.view(editions.replaceContent(lookup.editableFamily(family), version, content)));
    }

    @POST
    @Path("/{version}/publication")
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Publish a draft; the family's current edition becomes SUPERSEDED")
    @APIResponse(responseCode = "200", description = "Published (or published before with this Idempotency-Key: the same"
            + " edition, published once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "422", description = "The draft breaks a publication rule, or the Idempotency-Key was"
            + " used for another request")
    public EditionView publish(@PathParam("family") String family, @PathParam("version") String version,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return audit.recorded("toolkit.edition.publish", null,
                () -> editions.publish(lookup.editableFamily(family), version, caller.clientId(), idempotencyKey));
    }
}
