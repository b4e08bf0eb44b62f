package uk.org.neglectexchange.gateway.inbox;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from Kafka (binary mode) whose data has passed its JSON Schema. */
public record ReceivedEvent(UUID id, String type, String source, String subject, JsonNode data) {
}
