package uk.org.neglectexchange.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;

/**
 * Journals every event of the three topics for the stream (consumer group {@code <nx.consumer-group>-stream}). The
 * journal's unique event id makes a redelivery a no-op. A transient failure is retried a few times; then, or at
 * once for a poison event, the record goes to the topic's .dlq with the reason and the consumer moves on.
 */
@ApplicationScoped
public class StreamConsumers {

    @Inject
    EventReader reader;

    @Inject
    Journal journal;

    @Incoming("stream-toolkit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void toolkit(ConsumerRecord<String, String> record) {
        journal(record);
    }

    @Incoming("stream-assessment-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void assessment(ConsumerRecord<String, String> record) {
        journal(record);
    }

    @Incoming("stream-escalation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void escalation(ConsumerRecord<String, String> record) {
        journal(record);
    }

    private void journal(ConsumerRecord<String, String> record) {
        reader.apply(record, "event stream", journal::record);
    }
}
