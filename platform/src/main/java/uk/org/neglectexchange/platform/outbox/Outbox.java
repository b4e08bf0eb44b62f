package uk.org.neglectexchange.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.correlation.Correlation;

/** Records an event to publish; only inside the transaction that makes the change, so both commit or neither. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    Event<Appended> appended;

    /** Fired with each append; the relay observes it after the commit. */
    public record Appended(UUID id) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String type, String key, String subject, String partnership, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type;
        event.messageKey = key;
        event.subject = subject;
        event.partnership = partnership;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.requestId = Correlation.requestId();
        event.traceparent = Correlation.traceparent();
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + type + " is not serialisable", e);
        }
        event.persist();
        appended.fire(new Appended(event.id));
        return event.id;
    }
}
