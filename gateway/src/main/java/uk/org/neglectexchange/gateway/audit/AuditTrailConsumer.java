package uk.org.neglectexchange.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.audit.AuditRecorded;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Reads audit-events in a consumer group of its own ({@code <nx.consumer-group>-audit}) into the audit trail, each
 * event once (inbox) in the transaction that chains it; poison goes to audit-events.dlq with a reason starting
 * "audit-trail: ".
 */
@ApplicationScoped
public class AuditTrailConsumer {

    static final String CONSUMER = "audit-trail";

    @Inject
    EventReader reader;

    @Inject
    Inbox inbox;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    @Incoming("trail-audit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        reader.apply(record, CONSUMER, this::applyOnce);
    }

    private void applyOnce(ReceivedEvent event) {
        AuditRecorded recorded = AuditRecorded.from(event, json);
        QuarkusTransaction.requiringNew().run(() -> {
            if (inbox.firstDelivery(event.id(), CONSUMER)) {
                trail.append(event.id(), recorded);
            }
        });
    }
}
