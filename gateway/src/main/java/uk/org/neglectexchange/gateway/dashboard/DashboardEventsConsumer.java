package uk.org.neglectexchange.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;

/**
 * Reads the three topics into the dashboard projection, in a consumer group of its own
 * ({@code ${nx.consumer-group}-dashboard}), so the event stream's group is not split with it. A transient failure is
 * retried a few times; then, or at once for a poison event, the record goes to the topic's DLQ with the reason.
 */
@ApplicationScoped
public class DashboardEventsConsumer {

    @Inject
    EventReader reader;

    @Inject
    DashboardProjection projection;

    @Incoming("dashboard-toolkit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void onToolkitEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("dashboard-assessment-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("dashboard-escalation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void onEscalationEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, String> record) {
        reader.apply(record, "dashboard", projection::apply);
    }
}
