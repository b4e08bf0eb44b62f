package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionView(OffsetDateTime completedAt, String completedByAgency, String primaryCategory,
            List<String> otherCategories, int thresholdLevel, String rationale, List<String> strengths, String childsVoice,
            ChildsVoiceAbsentReason childsVoiceAbsentReason, String childsVoiceAbsentDetail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContributionView(UUID id, UUID assessmentId, String agency, String practitionerId,
            OffsetDateTime contributedAt, UUID copiedFrom, String purpose, InformationSharing.LawfulBasis lawfulBasis,
            InformationSharing.SpecialCategoryCondition specialCategoryCondition, InformationSharing.Consent consent,
            InformationSharing.Para18Reason para18Reason, List<Observation> observations, List<String> concerns,
            List<String> strengths, List<String> evidence) {

        public static ContributionView of(Contribution c) {
            return new ContributionView(c.id, c.assessmentId, c.agency, c.practitionerId, c.contributedAt, c.copiedFrom,
                    c.purpose, c.lawfulBasis, c.specialCategoryCondition, c.consent, c.para18Reason, c.observations,
                    c.concerns, c.strengths, c.evidence);
        }
    }

    public static AssessmentView of(Assessment a, List<Contribution> contributions, List<String> chartAreas, UUID amendedBy) {
        List<Observation> observations = contributions.stream().flatMap(c -> c.observations.stream()).toList();
        CompletionView completion = a.completed()
                ? new CompletionView(a.completedAt, a.completedByAgency, a.primaryCategory, a.otherCategories,
                        a.thresholdLevel, a.rationale, a.strengths, a.childsVoice, a.childsVoiceAbsentReason,
                        a.childsVoiceAbsentDetail)
                : null;
        return new AssessmentView(a.id, a.seriesId, a.version, a.amends, amendedBy, a.childRef, a.partnership,
                a.toolkitFamily, a.toolkitVersion, a.ageBand, a.status, a.openedAt, a.openedByAgency,
                contributions.stream().map(ContributionView::of).toList(),
                new Profile(ProfilePerArea.BASIS, ProfilePerArea.of(chartAreas, observations)), completion);
    }
}
