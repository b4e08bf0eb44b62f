package uk.org.neglectexchange.assessment.plan;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/children/{childRef}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
@SecurityRequirement(name = "oauth2")
public class PlanResource {

    @Inject
    Plans plans;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Start a plan for a child (children's services of the child's partnership only)")
    @APIResponse(responseCode = "201", description = "Started", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Not children's services")
    @APIResponse(responseCode = "422", description = "A rule of PlanRule is broken; errors[].field names the field")
    public Response start(@PathParam("childRef") String childRef, @Valid @NotNull NewPlan plan,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        PlanView started = audit.recorded("plan.start", childRef, () -> {
            caller.requirePractitionerId();
            return plans.start(childRef, plan, idempotencyKey);
        });
        return Response.created(URI.create("/api/v1/children/" + childRef + "/plans/" + started.id())).entity(started).build();
    }

    @POST
    @Path("/{planId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "End a child's open plan: its end date and the reason (children's services only)")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended already")
    public PlanView end(@PathParam("childRef") String childRef, @PathParam("planId") String planId,
            @Valid @NotNull PlanEnding ending, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return audit.recorded("plan.end", childRef, () -> {
            caller.requirePractitionerId();
            return plans.end(childRef, planIdOf(planId), ending, idempotencyKey);
        });
    }

    @GET
    @RolesAllowed("child-read")
    @Operation(summary = "The child's plans, open and ended, oldest first; an agency other than the lead agency states its basis (X-Purpose, X-Lawful-Basis, X-Consent, X-Para18-Reason)")
    public List<PlanView> list(@PathParam("childRef") String childRef) {
        return audit.recorded("plan.read", childRef, () -> plans.list(childRef));
    }

    /** A planId that is not a UUID cannot name a plan: 404, as an unknown one. */
    private static UUID planIdOf(String planId) {
        try {
            return UUID.fromString(planId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such plan of this child");
        }
    }
}
