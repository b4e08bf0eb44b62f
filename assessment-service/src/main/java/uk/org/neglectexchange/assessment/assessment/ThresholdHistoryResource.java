package uk.org.neglectexchange.assessment.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;

@Path("/api/v1/children/{childRef}/threshold-history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@SecurityRequirement(name = "oauth2")
public class ThresholdHistoryResource {

    /** fromLevel is null for the child's first level. */
    public record Change(Integer fromLevel, int toLevel, LocalDate changedOn, UUID assessmentId) {
    }

    /** A level proposed or decided, by whom and why; a decision on a proposal names the proposed level. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(LevelDecision.Kind kind, int level, Integer proposedLevel, UUID assessmentId, String agency,
            String practitionerId, String reason, OffsetDateTime recordedAt) {
    }

    /** changes: the child's level over time; decisions: every proposal and decision, the confirmations included. */
    public record History(String childRef, Integer currentLevel, List<Change> changes, List<Decision> decisions) {

        static History of(String childRef, List<ThresholdChange> changes, List<LevelDecision> decisions) {
            return new History(childRef, changes.isEmpty() ? null : changes.get(changes.size() - 1).toLevel,
                    changes.stream().map(c -> new Change(c.fromLevel, c.toLevel, c.changedOn, c.assessmentId)).toList(),
                    decisions.stream().map(d -> new Decision(d.kind, d.level, d.proposedLevel, d.assessmentId, d.agency,
                            d.practitionerId, d.reason, d.recordedAt)).toList());
        }
    }

    @Inject
    AssessmentService assessments;

    @Inject
    Audit audit;

    @GET
    @RolesAllowed("assessment-read")
    @Operation(summary = "Every change of the child's level of need, oldest first, with the assessment that decided it, and every "
            + "level proposed or decided (who, why). An agency "
            + "other than the lead agency states why and on what basis, as for the child; the share is recorded and the lead agency told")
    public History history(@PathParam("childRef") String childRef) {
        return audit.recorded("threshold-history.read", childRef, () -> assessments.thresholdHistory(childRef));
    }
}
