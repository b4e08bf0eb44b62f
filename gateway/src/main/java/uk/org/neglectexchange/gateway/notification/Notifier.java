package uk.org.neglectexchange.gateway.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.gateway.notification.webhook.WebhookDeliveries;
import uk.org.neglectexchange.gateway.stream.Journal;

/**
 * Sends a notice: one CloudEvent (structured JSON mode), journalled for its recipients' feed and queued for each of
 * their webhook subscriptions that wants its type, in the caller's transaction, so a notification is stored exactly
 * when the event that caused it is marked consumed. A notice already sent (same id) is not sent again.
 */
@ApplicationScoped
public class Notifier {

    public static final String SOURCE = "/neglect-exchange/notifications";

    @Inject
    Journal journal;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Sends a notice timed now (a reminder, a disabled subscription). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Notice notice) {
        send(notice, null);
    }

    /**
     * Sends a notice timed as the event that caused it ({@code eventTime}; now when the event has none), so that
     * the same event gives the same notification however often, or however late, it is read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Notice notice, OffsetDateTime eventTime) {
        OffsetDateTime time = (eventTime == null ? OffsetDateTime.now(clock) : eventTime).withOffsetSameInstant(ZoneOffset.UTC);
        String envelope = envelope(notice, time);
        boolean first = journal.recordNotification(notice.id(), notice.type().wireName(), SOURCE, notice.subject(), time,
                notice.partnership(), notice.recipients().stream().map(Recipient::key).toList(), envelope);
        if (first) {
            deliveries.enqueue(notice, envelope);
        }
    }

    private String envelope(Notice notice, OffsetDateTime now) {
        ObjectNode data = notice.fields().deepCopy();
        data.put("reason", notice.reason());
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", notice.id().toString())
                .put("source", SOURCE)
                .put("type", notice.type().wireName())
                .put("subject", notice.subject())
                .put("time", now.toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope.toString();
    }
}
