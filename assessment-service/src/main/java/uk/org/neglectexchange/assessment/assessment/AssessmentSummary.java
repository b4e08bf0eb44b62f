package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One version in the list of a child's assessments: what it is and where it stands; its content is read by id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentSummary(UUID id, UUID seriesId, int version, UUID amends, UUID amendedBy, Assessment.Status status,
        String toolkitFamily, String toolkitVersion, String ageBand, OffsetDateTime openedAt, String openedByAgency,
        OffsetDateTime completedAt, String completedByAgency, Integer thresholdLevel, String primaryCategory) {

    static AssessmentSummary of(Assessment a, UUID amendedBy) {
        return new AssessmentSummary(a.id, a.seriesId, a.version, a.amends, amendedBy, a.status, a.toolkitFamily,
                a.toolkitVersion, a.ageBand, a.openedAt, a.openedByAgency, a.completedAt, a.completedByAgency,
                a.thresholdLevel, a.primaryCategory);
    }
}
