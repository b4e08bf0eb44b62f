package uk.org.neglectexchange.platform.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import uk.org.neglectexchange.platform.correlation.Correlation;

/**
 * Turns a Kafka record into a {@link ReceivedEvent}, or a {@link PoisonEvent} naming why it cannot be one:
 * missing CloudEvents headers, a type without a contract in docs/events, data that is not JSON or breaks its schema.
 */
@ApplicationScoped
public class EventReader {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * Applies a consumed record: with its producer's request id and trace in this service's logs and on any event
     * appended in consequence, waiting out a database outage. A {@link PoisonEvent} goes on to the consumer's DLQ,
     * its reason prefixed with this service's name: several services' groups read a topic and share its DLQ.
     */
    public void apply(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> effect) {
        apply(record, applicationName, effect);
    }

    /** The same, for one of several consumer groups of a service: the poison reason names {@code consumer}. */
    public void apply(ConsumerRecord<String, String> record, String consumer, Consumer<ReceivedEvent> effect) {
        try (var correlated = Correlation.applying(record)) {
            UntilDatabaseAnswers.apply(() -> {
                ReceivedEvent event;
                try {
                    event = read(record);
                } catch (PoisonEvent poison) {
                    throw poison.refusedBy(consumer);
                }
                effect.accept(event);
            });
        }
    }

    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        String source = header(record, "ce_source");
        if (id == null || type == null || source == null || !"1.0".equals(header(record, "ce_specversion"))) {
            throw new PoisonEvent("not a CloudEvent 1.0 in binary mode: ce_id, ce_type, ce_source or ce_specversion missing");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent("ce_id is not a UUID");
        }
        OffsetDateTime time = time(header(record, "ce_time"));
        Schema schema = schemas.computeIfAbsent(type, this::load);
        JsonNode data;
        try {
            data = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEvent(type + " data is not valid JSON");
        }
        if (data == null) {
            throw new PoisonEvent(type + " has no data");
        }
        List<Error> errors = schema.validate(data);
        if (!errors.isEmpty()) {
            throw new PoisonEvent(type + " breaks its schema at " + errors.stream()
                    .map(e -> e.getInstanceLocation().toString()).distinct().limit(5).toList());
        }
        return new ReceivedEvent(eventId, type, source, header(record, "ce_subject"), time, data);
    }

    /** ce_time is optional in CloudEvents; when present it must be RFC 3339. */
    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonEvent("ce_time is not an RFC 3339 timestamp");
        }
    }

    private Schema load(String type) {
        if (!type.matches("[a-z][a-z.-]{1,80}")) {
            throw new PoisonEvent("unknown event type");
        }
        try (InputStream in = getClass().getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new PoisonEvent("unknown event type " + type + ": no contract in docs/events");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("schema of " + type + " is unreadable", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
