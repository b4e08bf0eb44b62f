package uk.org.neglectexchange.assessment.assessment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;
import uk.org.neglectexchange.assessment.sharing.Consent;
import uk.org.neglectexchange.assessment.sharing.LawfulBasis;
import uk.org.neglectexchange.assessment.sharing.Para18Reason;
import uk.org.neglectexchange.assessment.sharing.SharingDecisionRule;

/**
 * What an agency adds to an assessment, and its information-sharing record: why it shares (purpose), on what lawful
 * basis, whether consent was given and, if not, which DPA 2018 Sch 1 para 18 reason applies. The codes are read as
 * text so that the previous release's are still understood ({@link SharingDecisionRule}).
 */
public record NewContribution(
        @Size(max = 200) List<@Valid NewObservation> observations,
        @Size(max = 50) List<String> concerns,
        @Size(max = 50) List<String> strengths,
        @Size(max = 50) List<String> evidence,
        @Size(max = 200) String purpose,
        @Schema(implementation = LawfulBasis.class, description = "The basis of the share (README, one vocabulary for "
                + "every share); the previous release's PUBLIC_TASK_6_1_E and LAW_ENFORCEMENT_PART3 are deprecated") String lawfulBasis,
        @Schema(deprecated = true, enumeration = { "SAFEGUARDING_SCH1_PARA18", "HEALTH_SOCIAL_CARE_9_2_H" },
                description = "Deprecated: only with the deprecated PUBLIC_TASK_6_1_E; lawfulBasis names the Art 9 condition") String specialCategoryCondition,
        @Schema(implementation = Consent.class) String consent,
        @Schema(implementation = Para18Reason.class) String para18Reason,
        // left out of the Idempotency-Key's fingerprint when absent, so a key stored before the field existed still matches
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(implementation = SharingLevel.class, description = "Who reads this contribution's text within the "
                + "partnership (README, sharing levels); absent: your agency's default (police POLICE_PART3, others PARTNERSHIP)")
        String sharingLevel) {

    public record NewObservation(
            @NotBlank @Size(max = 100) String indicatorCode,
            @NotNull @Min(1) @Max(5) Integer grade,
            @Size(max = 1000) String note) {
    }

    public SharingDecisionRule.Stated share() {
        return new SharingDecisionRule.Stated(purpose, lawfulBasis, specialCategoryCondition, consent, para18Reason);
    }

    public List<NewObservation> observationsOrNone() {
        return observations == null ? List.of() : observations;
    }

    public List<String> concernsOrNone() {
        return concerns == null ? List.of() : concerns;
    }

    public List<String> strengthsOrNone() {
        return strengths == null ? List.of() : strengths;
    }

    public List<String> evidenceOrNone() {
        return evidence == null ? List.of() : evidence;
    }
}
