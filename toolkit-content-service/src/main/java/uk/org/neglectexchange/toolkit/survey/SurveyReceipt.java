package uk.org.neglectexchange.toolkit.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a respondent gets back: proof the response was stored, and against which edition and questionnaire. */
public record SurveyReceipt(UUID id, String family, String version, int questionnaireVersion, OffsetDateTime submittedAt) {
}
