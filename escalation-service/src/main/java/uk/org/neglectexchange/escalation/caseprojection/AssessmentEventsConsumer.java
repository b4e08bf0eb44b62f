package uk.org.neglectexchange.escalation.caseprojection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;

/**
 * Reads assessment-events into the case projection. A transient failure is retried a few times; then, or at once
 * for a poison event, the record goes to assessment-events.dlq with the reason and the consumer moves on.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    @Inject
    EventReader reader;

    @Inject
    CaseProjection projection;

    @Incoming("assessment-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void on(ConsumerRecord<String, String> record) {
        reader.apply(record, projection::apply);
    }
}
