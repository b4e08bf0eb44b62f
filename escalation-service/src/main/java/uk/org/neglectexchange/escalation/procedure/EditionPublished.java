package uk.org.neglectexchange.escalation.procedure;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of a {@code toolkit.edition.published} event: each partnership's procedure and clocks. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditionPublished(
        String family,
        String version,
        OffsetDateTime publishedAt,
        Map<String, Settings> partnershipSettings) {

    public static final String TYPE = "toolkit.edition.published";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(Escalation escalation, Map<String, Integer> drift) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalation(String code, String name, Map<Integer, Integer> stageDeadlineWorkingDays,
            Integer businessTeamNotifiedFromStage) {
    }
}
