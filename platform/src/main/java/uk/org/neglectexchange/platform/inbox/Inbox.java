package uk.org.neglectexchange.platform.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect: a redelivered event
 * finds its id already here and is skipped, so nothing is applied twice. Each skip is logged (event id and
 * consumer only), so a fault run can count the duplicates delivered and show them ignored.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        boolean first = em.createNativeQuery("insert into processed_event (event_id, consumer, processed_at)"
                + " values (:id, :consumer, now()) on conflict do nothing")
                .setParameter("id", eventId).setParameter("consumer", consumer).executeUpdate() == 1;
        if (!first) {
            LOG.infof("Skipped event %s for %s: already applied", eventId, consumer);
        }
        return first;
    }
}
