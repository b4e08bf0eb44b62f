package uk.org.neglectexchange.escalation.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.escalation.support.TopicReader.header;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.escalation.support.TopicReader;

/**
 * An event this service emits because of a consumed one carries the consumed event's request id and trace on, so a
 * drift alert can be followed back to the agency request that caused it.
 */
@QuarkusTest
class ConsumedEventCorrelationTest {

    @ConfigProperty(name = "mp.messaging.outgoing.outbox.topic")
    String escalationTopic;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void driftAlertRaisedByAConsumedReferralCarriesItsRequestIdAndTrace() throws Exception {
        String childRef = AssessmentEventSender.newChildRef();
        String requestId = "agency-ref-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicReader reader = new TopicReader(escalationTopic); AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "leadAgency": "CHILDRENS_SERVICES", "ageBand": "0_4",
                     "registeredAt": "2026-01-05T10:00:00Z"}""".formatted(childRef));
            // received long ago and never decided: overdue (D1) as soon as it is applied
            LocalDate receivedOn = LocalDate.now().minusDays(60);
            sender.send(UUID.randomUUID(), "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "%s", "recordedAt": "%sT09:00:00Z"}""".formatted(UUID.randomUUID(), childRef,
                    receivedOn, receivedOn),
                    Map.of("requestid", requestId, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

            ConsumerRecord<String, String> detected = reader.await(r -> childRef.equals(r.key())
                    && "drift.detected".equals(header(r, "ce_type")), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no drift.detected for " + childRef));
            assertEquals(requestId, header(detected, "ce_requestid"));
            assertEquals(traceId, header(detected, "ce_traceparent").split("-")[1]);
        }
    }
}
