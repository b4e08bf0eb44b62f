package uk.org.neglectexchange.gateway.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect: a redelivered event
 * finds its id already here and is skipped, so nothing is applied twice.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return em.createNativeQuery("insert into processed_event (event_id, consumer, processed_at) values (:id, :consumer, now())"
                + " on conflict do nothing")
                .setParameter("id", eventId).setParameter("consumer", consumer).executeUpdate() == 1;
    }
}
