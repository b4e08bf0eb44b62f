package uk.org.neglectexchange.platform.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from Kafka (binary mode) whose data has passed its JSON Schema; {@code time} is null when absent. */
public record ReceivedEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
}
