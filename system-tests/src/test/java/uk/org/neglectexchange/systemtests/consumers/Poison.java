package uk.org.neglectexchange.systemtests.consumers;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can apply, one per way a record can be wrong, sent straight to a topic with the key of the
 * valid events that follow them (so they share a partition), and the reason the consumers' readers give for each.
 */
final class Poison {

    /** A way to be wrong, with the words its DLQ reason must contain. */
    enum Kind {
        MALFORMED_JSON("malformed JSON", "data is not valid JSON"),
        WRONG_SCHEMA("JSON of the wrong schema", "breaks its schema at"),
        UNKNOWN_TYPE("unknown CloudEvent type", "unknown event type"),
        NO_CLOUDEVENT_HEADERS("no CloudEvent headers", "not a CloudEvent 1.0"),
        ID_NOT_UUID("ce_id not a UUID", "ce_id is not a UUID");

        final String label;
        final String reason;

        Kind(String label, String reason) {
            this.label = label;
            this.reason = reason;
        }
    }

    /** One poison record as sent: where it landed, and its ce_id when it had a valid one. */
    record Sent(String topic, Kind kind, int partition, long offset, UUID eventId) {
    }

    /** A type with a contract on each topic, for the records whose headers are right and whose data is not. */
    private static final Map<String, String> KNOWN_TYPE = Map.of("toolkit-events", "toolkit.edition.published",
            "assessment-events", "child.registered", "escalation-events", "escalation.raised");

    private Poison() {
    }

    static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTopics.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static Sent send(KafkaProducer<String, String> producer, String topic, String key, Kind kind) {
        UUID id = UUID.randomUUID();
        String type = KNOWN_TYPE.get(topic);
        String value = switch (kind) {
            case MALFORMED_JSON -> "{\"childRef\": \"CH-";
            case WRONG_SCHEMA -> "{\"childRef\": 42, \"unexpected\": true}";
            default -> "{}";
        };
        ProducerRecord<String, String> record = new ProducerRecord<>(SuiteTopics.prefixed(topic), key, value);
        if (kind != Kind.NO_CLOUDEVENT_HEADERS) {
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", kind == Kind.ID_NOT_UUID ? "not-a-uuid" : id.toString());
            header(record, "ce_type", kind == Kind.UNKNOWN_TYPE ? "example.unknown" : type);
            header(record, "ce_source", "/neglect-exchange/poison-test");
            header(record, "ce_time", OffsetDateTime.now().toString());
            header(record, "content-type", "application/json");
        }
        try {
            RecordMetadata at = producer.send(record).get();
            boolean hasId = kind != Kind.NO_CLOUDEVENT_HEADERS && kind != Kind.ID_NOT_UUID;
            return new Sent(topic, kind, at.partition(), at.offset(), hasId ? id : null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the poison record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Kind> kinds() {
        return List.of(Kind.values());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
