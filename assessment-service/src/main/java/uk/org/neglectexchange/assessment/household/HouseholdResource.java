package uk.org.neglectexchange.assessment.household;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.assessment.household.HouseholdView.CarerView;
import uk.org.neglectexchange.assessment.household.HouseholdView.SiblingView;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/children/{childRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
@SecurityRequirement(name = "oauth2")
public class HouseholdResource {

    @Inject
    HouseholdService households;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Path("/household-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Link a sibling (born or unborn) of your partnership; the link reads both ways (201 new, 200 already linked)")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(schema = @Schema(implementation = SiblingView.class)))
    @APIResponse(responseCode = "200", description = "Already linked", content = @Content(schema = @Schema(implementation = SiblingView.class)))
    public Response linkSibling(@PathParam("childRef") String childRef, @Valid @NotNull NewSiblingLink link,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        HouseholdService.Linked<SiblingView> linked = audit.recorded("child.household-link", childRef, () -> {
            caller.requirePractitionerId();
            return households.linkSibling(childRef, link, idempotencyKey);
        });
        audit.record("child.household-link", linked.view().childRef(), Audit.Outcome.SUCCESS);
        return respond(childRef, linked);
    }

    @POST
    @Path("/carers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Link a carer: a known one by carerRef (siblings share carers) or a new one by name (201 new link, 200 already linked)")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(schema = @Schema(implementation = CarerView.class)))
    @APIResponse(responseCode = "200", description = "Already linked", content = @Content(schema = @Schema(implementation = CarerView.class)))
    public Response linkCarer(@PathParam("childRef") String childRef, @Valid @NotNull NewCarerLink link,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        HouseholdService.Linked<CarerView> linked = audit.recorded("child.carer-link", childRef, () -> {
            caller.requirePractitionerId();
            return households.linkCarer(childRef, link, idempotencyKey);
        });
        return respond(childRef, linked);
    }

    @GET
    @Path("/household")
    @RolesAllowed("child-read")
    @Operation(summary = "A child's siblings and carers; carers' names only with the identity-read role. An agency other than the "
            + "lead agency states why and on what basis, as for the child; the share is recorded and the lead agency told")
    public HouseholdView household(@PathParam("childRef") String childRef) {
        return audit.recorded("child.household.read", childRef, () -> households.household(childRef));
    }

    private static Response respond(String childRef, HouseholdService.Linked<?> linked) {
        return linked.created()
                ? Response.created(URI.create("/api/v1/children/" + childRef + "/household")).entity(linked.view()).build()
                : Response.ok(linked.view()).build();
    }
}
