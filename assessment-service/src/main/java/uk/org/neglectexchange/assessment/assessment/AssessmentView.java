package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.sensitivity.Redaction;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule;
import uk.org.neglectexchange.assessment.sharing.Consent;
import uk.org.neglectexchange.assessment.sharing.LawfulBasis;
import uk.org.neglectexchange.assessment.sharing.Para18Reason;

/**
 * One version of an assessment as a client sees it: its contributions, the profile per area and, once completed,
 * the decision. {@code amendedBy} names the newer version, if any; this one stays readable as it was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(UUID id, UUID seriesId, int version, UUID amends, UUID amendedBy, String childRef,
        String partnership, String toolkitFamily, String toolkitVersion, String ageBand, Assessment.Status status,
        OffsetDateTime openedAt, String openedByAgency, List<ContributionView> contributions, Profile profile,
        CompletionView completion) {

    public record Profile(String basis, List<ProfilePerArea.Area> areas) {
    }

    /**
     * thresholdLevel is the decided level (none while LEVEL_PROPOSED); proposedLevel the level an agency that may not
     * decide it proposed, and levelDecision the deciding agency's confirmation or change of it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionView(OffsetDateTime completedAt, String completedByAgency, String primaryCategory,
            List<String> otherCategories, Integer thresholdLevel, Integer proposedLevel, LevelDecisionView levelDecision,
            String rationale, List<String> strengths, String childsVoice, ChildsVoiceAbsentReason childsVoiceAbsentReason,
            String childsVoiceAbsentDetail, String overrunReason) {
    }

    public record LevelDecisionView(OffsetDateTime decidedAt, String decidedByAgency, int level, String reason) {
    }

    /**
     * A contribution; a reader its sharing level does not allow gets its agency and time with a {@code redaction}
     * saying why, and none of its text (observations, concerns, strengths, evidence, purpose).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContributionView(UUID id, UUID assessmentId, String agency, String practitionerId,
            OffsetDateTime contributedAt, UUID copiedFrom, String purpose, LawfulBasis lawfulBasis, Consent consent,
            Para18Reason para18Reason, List<Observation> observations, List<String> concerns,
            List<String> strengths, List<String> evidence, SharingLevel sharingLevel, Redaction redaction) {

        public static ContributionView of(Contribution c, SharingLevelRule.Reader reader) {
            return SharingLevelRule.redaction(c.sharingLevel, c.agency, reader)
                    .map(redaction -> new ContributionView(c.id, c.assessmentId, c.agency, null, c.contributedAt,
                            c.copiedFrom, null, null, null, null, null, null, null, null, c.sharingLevel, redaction))
                    .orElseGet(() -> new ContributionView(c.id, c.assessmentId, c.agency, c.practitionerId,
                            c.contributedAt, c.copiedFrom, c.purpose, c.lawfulBasis, c.consent, c.para18Reason,
                            c.observations, c.concerns, c.strengths, c.evidence, c.sharingLevel, null));
        }
    }

    /** The profile is drawn from the observations this reader may read, so a redacted contribution's grades stay unread too. */
    public static AssessmentView of(Assessment a, List<Contribution> contributions, List<String> chartAreas, UUID amendedBy,
            SharingLevelRule.Reader reader) {
        List<ContributionView> shown = contributions.stream().map(c -> ContributionView.of(c, reader)).toList();
        List<Observation> observations = shown.stream().filter(c -> c.observations() != null)
                .flatMap(c -> c.observations().stream()).toList();
        LevelDecisionView decision = a.levelDecidedAt == null ? null
                : new LevelDecisionView(a.levelDecidedAt, a.levelDecidedByAgency, a.thresholdLevel, a.levelDecisionReason);
        CompletionView completion = a.closedForContributions()
                ? new CompletionView(a.completedAt, a.completedByAgency, a.primaryCategory, a.otherCategories,
                        a.thresholdLevel, a.proposedLevel, decision, a.rationale, a.strengths, a.childsVoice,
                        a.childsVoiceAbsentReason, a.childsVoiceAbsentDetail, a.overrunReason)
                : null;
        return new AssessmentView(a.id, a.seriesId, a.version, a.amends, amendedBy, a.childRef, a.partnership,
                a.toolkitFamily, a.toolkitVersion, a.ageBand, a.status, a.openedAt, a.openedByAgency,
                shown,
                new Profile(ProfilePerArea.BASIS, ProfilePerArea.of(chartAreas, observations)), completion);
    }
}
