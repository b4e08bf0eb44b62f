package uk.org.neglectexchange.assessment.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.child.AgeBand;
import uk.org.neglectexchange.assessment.plan.PlanView;

/**
 * The multi-agency picture of one child in one read: one field per part (its open statutory plans among them), so a
 * new part is one more field and one more line in {@link ChildSummaryService}. Codes, ids, agencies and dates only; never the identity.
 */
public record ChildSummary(String childRef, String partnership, String leadAgency, AgeBand ageBand, boolean unborn,
        Level level, OpenAssessment openAssessment, List<CaseAlerts.OpenEscalation> openEscalations,
        List<CaseAlerts.OpenDriftAlert> openDriftAlerts, List<AgencyInvolvement> agencies, List<PlanView> openPlans) {

    /** The current level of need and since when; null before any assessment decided one. */
    public record Level(int level, LocalDate since, UUID decidedByAssessment) {
    }

    /** The one open assessment (first version or amendment), if any. */
    public record OpenAssessment(UUID id, int version, OffsetDateTime openedAt, String openedByAgency, List<String> contributingAgencies) {
    }

    /**
     * An agency involved: the lead agency, and every agency with a chronology entry (not rectified) or an assessment contribution;
     * its latest entry's date (occurredOn) and its latest contribution's day, each null when it has none.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgencyInvolvement(String agency, boolean lead, LocalDate latestEntryOn, LocalDate latestContributionOn) {
    }
}
