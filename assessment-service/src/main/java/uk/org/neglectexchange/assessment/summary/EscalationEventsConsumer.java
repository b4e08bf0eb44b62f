package uk.org.neglectexchange.assessment.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;

/**
 * Reads escalation-events into the child summary's copy of open escalations and drift alerts. A transient failure
 * is retried a few times; then, or at once for a poison event, the record goes to escalation-events.dlq with the reason.
 */
@ApplicationScoped
public class EscalationEventsConsumer {

    @Inject
    EventReader reader;

    @Inject
    CaseAlerts alerts;

    @Incoming("escalation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void on(ConsumerRecord<String, String> record) {
        reader.apply(record, alerts::apply);
    }
}
