package uk.org.neglectexchange.toolkit.survey;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One practitioner's answers to {@link PracticeSurveyQuestions}. Who answered comes from the token (partnership,
 * agency, client), never from the body: the survey is about practice, not about people.
 */
public record NewSurveyResponse(
        @NotNull @Min(1) @Max(5) Integer howeCategoriesFamiliarity,
        @NotNull @Min(1) @Max(5) Integer confidenceIdentifyingNeglect,
        @NotNull @Size(max = 11) List<@NotBlank @Size(max = 40) String> approachesApplied,
        @NotNull @Min(1) @Max(5) Integer toolsUseful,
        @Size(max = 1000) String improvementSuggestion) {
}
