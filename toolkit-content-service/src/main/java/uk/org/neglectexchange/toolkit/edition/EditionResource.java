package uk.org.neglectexchange.toolkit.edition;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.toolkit.problem.ProblemException;
import uk.org.neglectexchange.toolkit.security.Caller;

@Path("/api/v1/toolkits/{family}/editions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Toolkit editions")
@SecurityRequirement(name = "oauth2")
public class EditionResource {

    @Inject
    EditionService editions;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "List a family's editions, newest first (drafts only for the family's editors)")
    public List<EditionView> list(@PathParam("family") String family) {
        ToolkitFamily f = family(family);
        return editions.editions(f, editsFamily(f)).stream().map(editions::view).toList();
    }

    @GET
    @Path("/current")
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "The family's one published edition")
    public EditionView current(@PathParam("family") String family) {
        return editions.view(editions.current(family(family)));
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ "toolkit-read", "toolkit-edit" })
    @Operation(summary = "One edition by its semantic version; superseded editions stay readable")
    public EditionView byVersion(@PathParam("family") String family, @PathParam("version") String version) {
        ToolkitFamily f = family(family);
        return editions.view(editions.edition(f, version, editsFamily(f)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Open a draft edition as a copy of the current published edition")
    public Response openDraft(@PathParam("family") String family, @Valid @NotNull NewDraft draft) {
        ToolkitFamily f = editableFamily(family);
        Edition created = editions.openDraft(f, draft.version(), caller.clientId());
        return Response.created(URI.create("/api/v1/toolkits/" + f + "/editions/" + created.version))
                .entity(editions.view(created)).build();
    }

    @PUT
    @Path("/{version}/content")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Replace a draft's content (a published edition is immutable: 409)")
    public EditionView replaceContent(@PathParam("family") String family, @PathParam("version") String version,
            @Valid @NotNull EditionContent content) {
        return editions.view(editions.replaceContent(editableFamily(family), version, content));
    }

    @POST
    @Path("/{version}/publication")
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Publish a draft; the family's current edition becomes SUPERSEDED")
    public EditionView publish(@PathParam("family") String family, @PathParam("version") String version) {
        return editions.view(editions.publish(editableFamily(family), version, caller.clientId()));
    }

    private static ToolkitFamily family(String code) {
        return ToolkitFamily.parse(code).orElseThrow(() -> ProblemException.notFound("No toolkit family " + code
                + " (families: HIOW, WS)"));
    }

    private boolean editsFamily(ToolkitFamily family) {
        return family.name().equals(caller.toolkitFamily());
    }

    private ToolkitFamily editableFamily(String code) {
        ToolkitFamily family = family(code);
        if (!editsFamily(family)) {
            throw ProblemException.forbidden("This client edits the " + caller.toolkitFamily() + " toolkit, not " + family);
        }
        return family;
    }
}
