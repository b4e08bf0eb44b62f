package uk.org.neglectexchange.assessment.assessment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an agency adds to an assessment, and its information-sharing record: why it shares (purpose), on what lawful
 * basis, whether consent was given and, if not, which DPA 2018 Sch 1 para 18 reason applies.
 */
public record NewContribution(
        @Size(max = 200) List<@Valid NewObservation> observations,
        @Size(max = 50) List<String> concerns,
        @Size(max = 50) List<String> strengths,
        @Size(max = 50) List<String> evidence,
        @Size(max = 200) String purpose,
        InformationSharing.LawfulBasis lawfulBasis,
        InformationSharing.SpecialCategoryCondition specialCategoryCondition,
        InformationSharing.Consent consent,
        InformationSharing.Para18Reason para18Reason) {

    public record NewObservation(
            @NotBlank @Size(max = 100) String indicatorCode,
            @NotNull @Min(1) @Max(5) Integer grade,
            @Size(max = 1000) String note) {
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
