package uk.org.neglectexchange.gateway.notification;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every read of a client's notifications and every change to its subscriptions (table notification_audit): who
 * (client, agency, practitioner if named), what, on what, and whether it was allowed. Append-only.
 */
@ApplicationScoped
public class NotificationAudit {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String clientId, String agency, String practitionerId, String action, String target, String outcome) {
        em.createNativeQuery("insert into notification_audit (at, client_id, agency, practitioner_id, action, target, outcome)"
                + " values (:at, :client, :agency, :practitioner, :action, :target, :outcome)")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("client", clientId)
                .setParameter("agency", agency).setParameter("practitioner", practitionerId)
                .setParameter("action", action).setParameter("target", target).setParameter("outcome", outcome)
                .executeUpdate();
    }
}
