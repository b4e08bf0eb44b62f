package uk.org.neglectexchange.toolkit.survey;

import java.util.List;
import java.util.Map;

/**
 * Aggregated answers for one edition, for its family's editors. Holds counts and the suggestions only: no client,
 * no submission time, nothing that ties an answer to a respondent.
 */
public record SurveyResults(
        String family,
        String version,
        int questionnaireVersion,
        long responses,
        List<ScaleResult> scales,
        List<ApproachResult> approachesApplied,
        Map<String, Long> responsesByPartnership,
        Map<String, Long> responsesByAgency,
        List<String> improvementSuggestions) {

    /** {@code countByScore} has every score 1–5; {@code mean} (two decimals) is null while nobody has answered. */
    public record ScaleResult(String field, String question, Map<Integer, Long> countByScore, Double mean) {
    }

    public record ApproachResult(String code, String description, long count) {
    }
}
