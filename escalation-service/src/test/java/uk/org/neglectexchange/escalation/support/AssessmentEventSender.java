package uk.org.neglectexchange.escalation.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

/** Sends records to the real assessment-events topic the way the assessment service's outbox relay does. */
public final class AssessmentEventSender implements AutoCloseable {

    private static final String SOURCE = "/neglect-exchange/assessment-service";

    private final CloudEventSender sender = new CloudEventSender();
    private final String topic = CloudEventSender.incomingTopic("assessment-events");

    public String topic() {
        return topic;
    }

    /** A CloudEvent in binary mode, keyed by childRef, with the partnership extension. */
    public void send(UUID id, String type, String childRef, String partnership, String data) {
        send(id, type, childRef, partnership, data, Map.of());
    }

    /** With more CloudEvents extensions, e.g. requestid and traceparent, as named without their ce_ prefix. */
    public void send(UUID id, String type, String childRef, String partnership, String data,
            Map<String, String> extensions) {
        Map<String, String> attributes = new HashMap<>(extensions);
        attributes.putAll(CloudEventSender.attributes(id, type, SOURCE));
        attributes.put("subject", "child/" + childRef);
        attributes.put("partnership", partnership);
        sender.send(topic, childRef, attributes, data);
    }

    /** A record no consumer can apply: data that is not JSON. */
    public void sendPoison(String childRef) {
        sender.send(topic, childRef, CloudEventSender.attributes(UUID.randomUUID(), "referral.received", SOURCE), "{not json");
    }

    @Override
    public void close() {
        sender.close();
    }
}
