package uk.org.neglectexchange.assessment.assessment;

/** One indicator graded 1 (needs met, child first) to 5 (needs unmet or hostile), with the area it belongs to. */
public record Observation(String indicatorCode, String area, int grade, String note) {
}
