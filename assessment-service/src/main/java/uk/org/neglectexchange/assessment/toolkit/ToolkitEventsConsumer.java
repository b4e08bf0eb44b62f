package uk.org.neglectexchange.assessment.toolkit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;

/**
 * Reads toolkit-events. A transient failure (database away) is retried a few times; then, or at once for a
 * poison event, the record goes to toolkit-events.dlq with the reason and the consumer moves on.
 */
@ApplicationScoped
public class ToolkitEventsConsumer {

    @Inject
    EventReader reader;

    @Inject
    ToolkitEditions editions;

    @Incoming("toolkit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void on(ConsumerRecord<String, String> record) {
        reader.apply(record, editions::apply);
    }
}
