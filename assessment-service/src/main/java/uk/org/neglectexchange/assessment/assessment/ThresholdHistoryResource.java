package uk.org.neglectexchange.assessment.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.assessment.audit.Audit;

@Path("/api/v1/children/{childRef}/threshold-history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@SecurityRequirement(name = "oauth2")
public class ThresholdHistoryResource {

    /** fromLevel is null for the child's first level. */
    public record Change(Integer fromLevel, int toLevel, LocalDate changedOn, UUID assessmentId) {
    }

    public record History(String childRef, Integer currentLevel, List<Change> changes) {
    }

    @Inject
    AssessmentService assessments;

    @Inject
    Audit audit;

    @GET
    @RolesAllowed("assessment-read")
    @Operation(summary = "Every change of the child's level of need, oldest first, with the assessment that decided it. An agency "
            + "other than the lead agency states why and on what basis, as for the child; the share is recorded and the lead agency told")
    public History history(@PathParam("childRef") String childRef) {
        List<Change> changes = audit.recorded("threshold-history.read", childRef, () -> assessments.thresholdHistory(childRef))
                .stream().map(c -> new Change(c.fromLevel, c.toLevel, c.changedOn, c.assessmentId)).toList();
        return new History(childRef, changes.isEmpty() ? null : changes.get(changes.size() - 1).toLevel(), changes);
    }
}
