package uk.org.neglectexchange.gateway.audit;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.audit.AuditRecorded;

/**
 * Appends audit rows to their partnership's chain. The head row's lock orders appends within a partnership (two
 * replicas, or a rebalance, cannot give two rows one sequence number); other partnerships append in parallel.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID eventId, AuditRecorded recorded) {
        String partnership = recorded.key();
        em.createNativeQuery("insert into audit_trail_head (partnership, seq, hash) values (:p, 0, :genesis)"
                + " on conflict do nothing").setParameter("p", partnership).setParameter("genesis", ChainHash.GENESIS)
                .executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_trail_head where partnership = :p"
                + " for update").setParameter("p", partnership).getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String prevHash = (String) head[1];
        TrailRow row = new TrailRow(partnership, seq, eventId, recorded.service(), recorded.entryId(),
                recorded.at().truncatedTo(ChronoUnit.MICROS), recorded.clientId(), recorded.agency(),
                recorded.practitionerId(), recorded.purpose(), recorded.action(), recorded.childRef(),
                recorded.outcome(), recorded.requestId(), prevHash, null);
        String hash = ChainHash.of(prevHash, row);
        em.createNativeQuery("insert into audit_trail (" + TrailRow.COLUMNS + ") values (:p, :seq, :event, :service,"
                + " :entry, :at, :client, :agency, :practitioner, :purpose, :action, :child, :outcome, :request,"
                + " :prev, :hash)")
                .setParameter("p", partnership).setParameter("seq", seq).setParameter("event", eventId)
                .setParameter("service", row.service()).setParameter("entry", row.entryId()).setParameter("at", row.at())
                .setParameter("client", row.clientId()).setParameter("agency", row.agency())
                .setParameter("practitioner", row.practitionerId()).setParameter("purpose", row.purpose())
                .setParameter("action", row.action()).setParameter("child", row.childRef())
                .setParameter("outcome", row.outcome()).setParameter("request", row.requestId())
                .setParameter("prev", prevHash).setParameter("hash", hash).executeUpdate();
        em.createNativeQuery("update audit_trail_head set seq = :seq, hash = :hash where partnership = :p")
                .setParameter("seq", seq).setParameter("hash", hash).setParameter("p", partnership).executeUpdate();
    }
}
