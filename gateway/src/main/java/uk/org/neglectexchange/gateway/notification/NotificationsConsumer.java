package uk.org.neglectexchange.gateway.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.gateway.erasure.ErasedChildren;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Reads the three topics in a consumer group of its own ({@code <nx.consumer-group>-notify}; poison goes to the
 * topic's DLQ with a reason starting "notifications: ") and, per event, in one
 * transaction: marks it consumed (inbox), asks every {@link NotificationRule} whom to tell and sends those notices,
 * then records what the event says of who is involved with the child and of escalation deadlines. The rules see the
 * involvement as it was before the event, so an agency is not told of its own first act. A child.erased deletes the
 * notices, deliveries, involvement and reminders about the child ({@link ErasedChildren}).
 */
@ApplicationScoped
public class NotificationsConsumer {

    static final String CONSUMER = "notifications";

    @Inject
    EventReader reader;

    @Inject
    Inbox inbox;

    @Inject
    Instance<NotificationRule> rules;

    @Inject
    ChildInvolvement involvement;

    @Inject
    DeadlineReminders deadlines;

    @Inject
    Notifier notifier;

    @Inject
    ErasedChildren erasedChildren;

    @Incoming("notify-toolkit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void toolkit(ConsumerRecord<String, String> record) {
        reader.apply(record, CONSUMER, this::applyOnce);
    }

    @Incoming("notify-assessment-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void assessment(ConsumerRecord<String, String> record) {
        reader.apply(record, CONSUMER, this::applyOnce);
    }

    @Incoming("notify-escalation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void escalation(ConsumerRecord<String, String> record) {
        reader.apply(record, CONSUMER, this::applyOnce);
    }

    private void applyOnce(ReceivedEvent event) {
        QuarkusTransaction.requiringNew().run(() -> apply(event));
    }

    private void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER) || erasedChildren.about(event)) {
            return;
        }
        if (ErasedChildren.erasedBy(event) != null) {
            erasedChildren.eraseNotifications(event);
            return;
        }
        for (NotificationRule rule : rules) {
            rule.noticesFor(event, involvement).forEach(notice -> notifier.send(notice, event.time()));
        }
        involvement.record(event);
        deadlines.track(event);
    }
}
