package uk.org.neglectexchange.gateway.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

/**
 * CloudEvents in binary mode, valid against docs/events, produced to the shared test topics with a plain producer.
 * Mostly escalation-events, which no other service consumes, so these made-up events disturb nobody's tests.
 */
final class TestEvents {

    private static CloudEventSender sender;

    private TestEvents() {
    }

    static synchronized CloudEventSender sender() {
        if (sender == null) {
            sender = new CloudEventSender(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000));
        }
        return sender;
    }

    static String topic(String name) {
        return ConfigProvider.getConfig().getValue("nx.topic-prefix", String.class) + name;
    }

    static String childRef() {
        return ChildRefs.random();
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
        var attributes = CloudEventSender.attributes(id, type, source);
        attributes.put("subject", childRef);
        attributes.put("time", Instant.now().toString());
        attributes.put("partnership", partnership);
        attributes.put("datacontenttype", "application/json");
        sender().send(topic(topic), childRef, attributes, data);
    }
}
