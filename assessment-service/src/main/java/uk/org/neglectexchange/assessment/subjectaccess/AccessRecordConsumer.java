package uk.org.neglectexchange.assessment.subjectaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import uk.org.neglectexchange.platform.audit.AuditRecorded;
import uk.org.neglectexchange.platform.inbox.EventReader;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Copies every service's audit rows about a child from audit-events (a consumer group of its own,
 * {@code <nx.consumer-group>-access}) into {@code access_record}, for the export's {@link AccessLog}. A row is keyed
 * by its event's id, so a redelivery inserts nothing; rows about no child are not kept. Poison goes to
 * audit-events.dlq with a reason starting "access-log: ".
 */
@ApplicationScoped
public class AccessRecordConsumer {

    static final String CONSUMER = "access-log";

    @Inject
    EventReader reader;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Incoming("access-audit-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 1000, abortOn = PoisonEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        reader.apply(record, CONSUMER, this::copy);
    }

    private void copy(ReceivedEvent event) {
        AuditRecorded row = AuditRecorded.from(event, json);
        if (row.childRef() == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into access_record (event_id, service, entry_id, at, child_ref, client_id, partnership, agency,
                    practitioner_id, purpose, action, outcome)
                values (:eventId, :service, :entryId, :at, :childRef, :clientId, :partnership, :agency, :practitionerId, :purpose,
                    :action, :outcome)
                on conflict (event_id) do nothing""")
                .setParameter("eventId", event.id()).setParameter("service", row.service()).setParameter("entryId", row.entryId())
                .setParameter("at", row.at()).setParameter("childRef", row.childRef())
                .setParameter("clientId", row.clientId()).setParameter("partnership", row.partnership())
                .setParameter("agency", row.agency()).setParameter("practitionerId", row.practitionerId())
                .setParameter("purpose", row.purpose()).setParameter("action", row.action())
                .setParameter("outcome", row.outcome()).executeUpdate());
    }
}
