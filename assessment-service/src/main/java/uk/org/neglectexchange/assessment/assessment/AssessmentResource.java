package uk.org.neglectexchange.assessment.assessment;

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
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/assessments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@SecurityRequirement(name = "oauth2")
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed("assessment-read")
    @Operation(summary = "One version of an assessment: contributions, profile per area (no total score), decision")
    public AssessmentView read(@PathParam("id") String id) {
        return audit.recorded("assessment.read", assessments.childRefOf(id), () -> assessments.read(id));
    }

    @POST
    @Path("/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("assessment-write")
    @Operation(summary = "Add your agency's observations, concerns, strengths and evidence, with the information-sharing record")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = AssessmentView.ContributionView.class)))
    @APIResponse(responseCode = "409", description = "The assessment is completed: amend it instead")
    public Response contribute(@PathParam("id") String id, @Valid @NotNull NewContribution contribution,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        AssessmentView.ContributionView view = audit.recorded("assessment.contribute", assessments.childRefOf(id),
                () -> assessments.contribute(id, contribution, idempotencyKey));
        return Response.created(URI.create("/api/v1/assessments/" + id)).entity(view).build();
    }

    @POST
    @Path("/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("assessment-write")
    @Operation(summary = "Complete the assessment with the decision; it cannot change afterwards. A level your agency may not "
            + "decide is proposed (status LEVEL_PROPOSED) for the deciding agency to confirm or change")
    @APIResponse(responseCode = "200", description = "Completed, or completed with a proposed level", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Already completed")
    public AssessmentView complete(@PathParam("id") String id, @Valid @NotNull NewCompletion completion,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        return audit.recorded("assessment.complete", assessments.childRefOf(id),
                () -> assessments.complete(id, completion, idempotencyKey));
    }

    @POST
    @Path("/level-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("assessment-write")
    @Operation(summary = "Confirm or change the level an agency that may not decide it proposed (RULES.md: who decides a level), "
            + "with the reason; the assessment is then completed and the child's level follows")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "403", description = "Your agency does not decide the proposed or the chosen level in this partnership")
    @APIResponse(responseCode = "409", description = "No proposed level awaits a decision")
    public AssessmentView decideLevel(@PathParam("id") String id, @Valid @NotNull NewLevelDecision decision,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        return audit.recorded("assessment.level-decision", assessments.childRefOf(id),
                () -> assessments.decideLevel(id, decision, idempotencyKey));
    }

    @POST
    @Path("/amendments")
    @RolesAllowed("assessment-write")
    @Operation(summary = "Amend a completed assessment: opens the next version with its contributions, to be completed again")
    @APIResponse(responseCode = "201", description = "The new version", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Still open, or a newer version already amends it")
    public Response amend(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        AssessmentView view = audit.recorded("assessment.amend", assessments.childRefOf(id), () -> assessments.amend(id, idempotencyKey));
        return Response.created(URI.create("/api/v1/assessments/" + view.id())).entity(view).build();
    }
}
