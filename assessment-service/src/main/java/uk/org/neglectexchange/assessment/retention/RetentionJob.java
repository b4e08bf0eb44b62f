package uk.org.neglectexchange.assessment.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.platform.audit.Audit;

/**
 * Daily: erases every child whose retention has ended ({@link RetentionRule}) and that no legal hold keeps, then the
 * record of shares of children erased longer ago than the audit class keeps it. One transaction per child, the child's
 * row taken with SKIP LOCKED: replicas running at once each erase other children, never one twice, and a child a
 * data protection officer is holding or erasing right then is left to the next run.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager em;

    @Inject
    ChildRetention retention;

    @Inject
    ChildErasure erasure;

    @Inject
    RetentionConfig config;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Scheduled(identity = "retention", cron = "${nx.retention.cron:0 40 1 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        run(LocalDate.now(clock));
    }

    /** The children erased on {@code today}. */
    public List<String> run(LocalDate today) {
        List<String> erased = new ArrayList<>();
        for (String childRef : candidates()) {
            try {
                QuarkusTransaction.requiringNew().call(() -> eraseIfDue(childRef, today)).ifPresent(erased::add);
            } catch (RuntimeException e) {
                // one child's failure leaves the others to be erased; the reference alone is logged
                LOG.errorf(e, "Retention: %s could not be erased; the next run tries again", childRef);
            }
        }
        int sharing = QuarkusTransaction.requiringNew().call(() -> disposeSharingRecords(today));
        if (!erased.isEmpty() || sharing > 0) {
            LOG.infof("Retention on %s: %d child record(s) erased, the record of shares of %d erased child(ren) disposed of",
                    today, erased.size(), sharing);
        }
        return erased;
    }

    @SuppressWarnings("unchecked")
    private List<String> candidates() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select child_ref from child c where merged_into is null
                and not exists (select 1 from child_tombstone t where t.child_ref = c.child_ref)
                and not exists (select 1 from legal_hold h where h.child_ref = c.child_ref and h.lifted_at is null)
                order by child_ref""").getResultList());
    }

    private Optional<String> eraseIfDue(String childRef, LocalDate today) {
        List<?> locked = em.createNativeQuery("select child_ref from child where child_ref = :c for update skip locked")
                .setParameter("c", childRef).getResultList();
        if (locked.isEmpty() || ChildTombstone.erased(childRef) || !LegalHold.activeOf(childRef).isEmpty()) {
            return Optional.empty();
        }
        RetentionRule.Disposal disposal = retention.disposal(childRef);
        if (!disposal.due(today)) {
            return Optional.empty();
        }
        Child child = Child.findById(childRef);
        erasure.erase(child, new ChildErasure.Erasing(ChildTombstone.SYSTEM, null, disposal.retentionClass(),
                // not the day it was due: for some classes that is the date of birth, years on
                "End of retention (" + disposal.retentionClass() + ")"));
        audited("child.erase", childRef, child.partnership, disposal.retentionClass().name());
        return Optional.of(childRef);
    }

    /** The record of shares is kept by the audit class: as long as the record it describes, then its years. */
    private int disposeSharingRecords(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<ChildTombstone> due = em.createQuery("from ChildTombstone where sharingRecordsDisposedAt is null"
                + " and erasedAt < :before", ChildTombstone.class)
                .setParameter("before", today.minusYears(config.sharingRecordsYearsAfterErasure()).atStartOfDay()
                        .atOffset(ZoneOffset.UTC))
                .getResultList();
        for (ChildTombstone tombstone : due) {
            em.createNativeQuery("delete from sharing_record where child_ref = :c").setParameter("c", tombstone.childRef)
                    .executeUpdate();
            tombstone.sharingRecordsDisposedAt = OffsetDateTime.now(clock);
            audited("child.sharing-records.dispose", tombstone.childRef, tombstone.partnership, "AUDIT_AND_SHARING");
        }
        return due.size();
    }

    /**
     * The system's own entry in the child's audit trail: no client calls, so the actor is the service and the purpose
     * the retention class.
     */
    private void audited(String action, String childRef, String partnership, String retentionClass) {
        audit.record(new Audit.Actor(ChildTombstone.SYSTEM, partnership, null, null, "RETENTION_" + retentionClass),
                action, childRef, Audit.Outcome.SUCCESS);
    }
}
