package uk.org.neglectexchange.assessment.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the assessment events on assessment-events (key childRef): ids, codes, agencies and dates only, never
 * free text or identity. The escalation service's drift rules (D2, D3, D5, D6, D7) are computed from them.
 */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    public static final String STARTED = "assessment.started";
    public static final String COMPLETED = "assessment.completed";
    public static final String THRESHOLD_CHANGED = "threshold.changed";
    public static final String LEVEL_PROPOSED = "assessment.level-proposed";

    /** A version was opened: the first, or an amendment of the version named in {@code amends}. */
    public record Started(UUID assessmentId, UUID seriesId, String childRef, String partnership, String agency,
            String toolkitFamily, String toolkitVersion, String ageBand, LocalDate startedOn, int version, UUID amends) {
    }

    public record Completed(UUID assessmentId, UUID seriesId, String childRef, String partnership, LocalDate completedOn,
            String primaryCategory, List<String> otherCategories, int thresholdLevel, String ageBand,
            List<String> contributingAgencies, int version) {
    }

    /**
     * A version was completed by an agency that may not decide the level it found: the level is proposed to the
     * deciding agencies, and is not the child's level (no assessment.completed or threshold.changed until decided).
     */
    public record LevelProposed(UUID assessmentId, UUID seriesId, String childRef, String partnership, int proposedLevel,
            String proposedByAgency, List<String> decidingAgencies, LocalDate proposedOn, String ageBand, int version) {
    }

    /** fromLevel is null for the child's first level. */
    public record ThresholdChanged(String childRef, String partnership, Integer fromLevel, int toLevel,
            LocalDate changedOn, UUID assessmentId) {
    }
}
