package uk.org.neglectexchange.platform.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.specification.RequestSpecification;

/**
 * A request id and a W3C trace that a test sends with a request (or puts on an event it sends), to find again on the
 * events that request causes: the CloudEvents extensions {@code requestid} and {@code traceparent}.
 */
public record RequestCorrelation(String requestId, String traceId) {

    /** A new request id (the prefix and a UUID) and a new trace id. */
    public static RequestCorrelation fresh(String requestIdPrefix) {
        return new RequestCorrelation(requestIdPrefix + UUID.randomUUID(), UUID.randomUUID().toString().replace("-", ""));
    }

    /** The caller's traceparent: this trace, the caller's own span. */
    public String traceparent() {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    /** The request with X-Request-Id and traceparent. */
    public RequestSpecification on(RequestSpecification request) {
        return request.header("X-Request-Id", requestId).header("traceparent", traceparent());
    }

    /** As CloudEvents extensions of an event a test sends (named without their ce_ prefix). */
    public Map<String, String> extensions() {
        return Map.of("requestid", requestId, "traceparent", traceparent());
    }

    /**
     * The event carries this request id and continues this trace (its parent is the service's span, not the
     * caller's, so only the trace id is compared).
     */
    public void assertCarriedBy(ConsumerRecord<String, String> record) {
        assertEquals(requestId, header(record, "ce_requestid"));
        assertEquals(traceId, traceIdOf(header(record, "ce_traceparent")));
    }

    /** The record's own trace header (the producer's span) continues the same trace. */
    public void assertProducedInTheTrace(ConsumerRecord<String, String> record) {
        assertEquals(traceId, traceIdOf(header(record, "traceparent")));
    }

    private static String traceIdOf(String traceparent) {
        assertNotNull(traceparent, "no traceparent");
        return traceparent.split("-")[1];
    }
}
