package uk.org.neglectexchange.escalation.correlation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.RequestCorrelation;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * An event this service emits because of a consumed one carries the consumed event's request id and trace on, so a
 * drift alert can be followed back to the agency request that caused it.
 */
@QuarkusTest
class ConsumedEventCorrelationTest {

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void driftAlertRaisedByAConsumedReferralCarriesItsRequestIdAndTrace() throws Exception {
        String childRef = ChildRefs.random();
        RequestCorrelation correlation = RequestCorrelation.fresh("agency-ref-");
        try (TopicReader reader = TopicReader.outbox(); AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "leadAgency": "CHILDRENS_SERVICES", "ageBand": "0_4",
                     "registeredAt": "2026-01-05T10:00:00Z"}""".formatted(childRef));
            // received long ago and never decided: overdue (D1) as soon as it is applied
            LocalDate receivedOn = LocalDate.now().minusDays(60);
            sender.send(UUID.randomUUID(), "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "%s", "recordedAt": "%sT09:00:00Z"}""".formatted(UUID.randomUUID(), childRef,
                    receivedOn, receivedOn),
                    correlation.extensions());

            ConsumerRecord<String, String> detected = reader.awaitEvent("drift.detected", childRef, Duration.ofSeconds(30));
            correlation.assertCarriedBy(detected);
        }
    }
}
