package uk.org.neglectexchange.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CloudEvents in binary mode, valid against docs/events, produced to the shared test topics with a plain producer.
 * Mostly escalation-events, which no other service consumes, so these made-up events disturb nobody's tests.
 */
final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static String topic(String name) {
        return ConfigProvider.getConfig().getValue("nx.topic-prefix", String.class) + name;
    }

    static String childRef() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder ref = new StringBuilder("CH-");
        for (int i = 0; i < 10; i++) {
            ref.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return ref.toString();
    }

    /** A drift.detected for the child, with {@code evidenceItems} evidence entries (to make big events). */
    static String driftDetected(String partnership, String childRef, int evidenceItems) {
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < evidenceItems; i++) {
            evidence.append(i == 0 ? "" : ",").append("{\"kind\":\"CONCERN\",\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"eventId\":\"").append(UUID.randomUUID()).append("\",\"on\":\"2026-01-05\"}");
        }
        return "{\"alertId\":\"" + UUID.randomUUID() + "\",\"rule\":\"D4\",\"childRef\":\"" + childRef
                + "\",\"partnership\":\"" + partnership + "\",\"severity\":\"AMBER\",\"evidence\":[" + evidence
                + "],\"practiceApproach\":\"CHALLENGE_DRIFT_AND_DELAY\",\"detectedOn\":\"" + LocalDate.now() + "\"}";
    }

    static String childTransferred(String childRef, String from, String to) {
        return "{\"childRef\":\"" + childRef + "\",\"partnership\":\"" + to + "\",\"fromPartnership\":\"" + from
                + "\",\"toPartnership\":\"" + to + "\",\"transferredOn\":\"" + LocalDate.now() + "\",\"transferredAt\":\""
                + Instant.now() + "\",\"reason\":\"FAMILY_MOVED\",\"byAgency\":\"CHILDRENS_SERVICES\"}";
    }

    /** Sends a drift.detected on escalation-events and returns its CloudEvent id. */
    static String sendDrift(String partnership, String childRef) {
        String id = UUID.randomUUID().toString();
        send("escalation-events", id, "drift.detected", "/neglect-exchange/escalation-service", childRef,
                partnership, driftDetected(partnership, childRef, 1));
        return id;
    }

    static void send(String topic, String id, String type, String source, String childRef, String partnership, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic(topic), childRef, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_subject", childRef);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_partnership", partnership);
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the test event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
