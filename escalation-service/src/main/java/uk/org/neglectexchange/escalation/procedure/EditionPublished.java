package uk.org.neglectexchange.escalation.procedure;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What this service reads of a {@code toolkit.edition.published} event: each partnership's procedure and clocks, and
 * the practice approach each drift rule and the escalation serve.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditionPublished(
        String family,
        String version,
        OffsetDateTime publishedAt,
        Map<String, Settings> partnershipSettings,
        AlertApproaches alertApproaches) {

    public static final String TYPE = "toolkit.edition.published";

    /** The approach each drift rule and the escalation serve, as the edition maps them; null when it maps none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertApproaches(Map<String, Approach> driftRules, Approach escalation) {
    }

    /** A practice approach: its code, its name in the edition and the gateway path of its guidance (may be null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Approach(String code, String name, String guidanceLink) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(Escalation escalation, Map<String, Integer> drift) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalation(String code, String name, Map<Integer, Integer> stageDeadlineWorkingDays,
            Integer businessTeamNotifiedFromStage) {
    }
}
