package uk.org.neglectexchange.assessment.assessment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

@Path("/api/v1/children/{childRef}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@SecurityRequirement(name = "oauth2")
public class ChildAssessmentsResource {

    /** openAssessmentId: the one a new contribution goes to, if any (at most one, OneOpenAssessmentRule). */
    public record ChildAssessments(String childRef, UUID openAssessmentId, List<AssessmentSummary> assessments) {
    }

    @Inject
    AssessmentService assessments;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed("assessment-write")
    @Operation(summary = "Open an assessment of the child against its partnership's current published toolkit edition")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "An assessment of the child is open already (named), or no published edition of the partnership's toolkit is known yet")
    public Response open(@PathParam("childRef") String childRef, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        AssessmentView view = audit.recorded("assessment.open", childRef, () -> assessments.open(childRef, idempotencyKey));
        return Response.created(URI.create("/api/v1/assessments/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed("assessment-read")
    @Operation(summary = "Every version of the child's assessments, open and completed, oldest first, and the open one's id. An "
            + "agency other than the lead agency states why and on what basis, as for the child; the share is recorded and the lead agency told")
    public ChildAssessments list(@PathParam("childRef") String childRef) {
        List<AssessmentSummary> all = audit.recorded("assessment.list", childRef, () -> assessments.list(childRef));
        UUID open = all.stream().filter(a -> a.status() == Assessment.Status.OPEN).map(AssessmentSummary::id).findFirst().orElse(null);
        return new ChildAssessments(childRef, open, all);
    }
}
