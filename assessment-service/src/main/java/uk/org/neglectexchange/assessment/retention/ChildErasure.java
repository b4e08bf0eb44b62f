package uk.org.neglectexchange.assessment.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Erases a child's record, for the retention job and the data protection officer alike: everything this service holds
 * of the child goes (chronology, assessments and their contributions, level history, household, plans, transfers,
 * partnership periods, the summary's copies, who the child is), and so does who any record merged into it was. What
 * stays is the child row (reference, partnership, registration), its tombstone, its legal holds, the audit trail and
 * the record of shares (kept by the audit class's years after this: {@link RetentionJob}). {@link ChildErased} is
 * fired in this transaction, and {@code child.erased} tells the other services' projections.
 */
@ApplicationScoped
public class ChildErasure {

    /** Who erases: a client and the practitioner acting, or the service itself at the end of retention. */
    public record Erasing(String client, String practitioner, RetentionClass retentionClass, String reason) {
    }

    /** The child's rows in the order their foreign keys let them go. */
    private static final List<String> CHILD_ROWS = List.of(
            "delete from threshold_history where child_ref = :c",
            "delete from level_decision where child_ref = :c",
            "delete from assessment_contribution where assessment_id in (select id from assessment where child_ref = :c)",
            "delete from assessment where child_ref = :c",
            "delete from chronology_entry where child_ref = :c",
            "delete from household_link where child_ref = :c or related_child_ref = :c",
            "delete from child_carer where child_ref = :c",
            "delete from child_plan where child_ref = :c",
            "delete from child_transfer where child_ref = :c",
            "delete from child_partnership_history where child_ref = :c",
            "delete from summary_escalation where child_ref = :c",
            "delete from summary_drift_alert where child_ref = :c",
            "delete from child_merge where surviving_ref = :c");

    @Inject
    EntityManager em;

    @Inject
    Event<ChildErased> erased;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * The child's row locked, so a hold set or another erasure at the same time waits for this one; a 409 naming the
     * hold when one is active, and nothing changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChildTombstone erase(Child child, Erasing erasing) {
        em.lock(child, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(child);
        if (ChildTombstone.erased(child.childRef)) {
            throw new ProblemException(410, "Gone", "This child's record was erased already", List.of());
        }
        List<LegalHold> holds = LegalHold.activeOf(child.childRef);
        if (!holds.isEmpty()) {
            throw ProblemException.conflict("The record is under legal hold " + holds.get(0).id
                    + ": the data protection officer lifts it before the record can be erased");
        }
        ChildTombstone tombstone = new ChildTombstone();
        tombstone.childRef = child.childRef;
        tombstone.partnership = child.partnership;
        tombstone.erasedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        tombstone.erasedByClient = erasing.client();
        tombstone.erasedByPractitioner = erasing.practitioner();
        tombstone.retentionClass = erasing.retentionClass();
        tombstone.reason = erasing.reason();
        // first: the append-only tables let a tombstoned child's rows go (V37)
        tombstone.persistAndFlush();

        List<String> mergedAway = Child.<Child>list("mergedInto", child.childRef).stream().map(c -> c.childRef).toList();
        erased.fire(new ChildErased(child.childRef));
        mergedAway.forEach(ref -> erased.fire(new ChildErased(ref)));
        @SuppressWarnings("unchecked")
        List<String> carers = em.createNativeQuery("select carer_ref from child_carer where child_ref = :c")
                .setParameter("c", child.childRef).getResultList();
        CHILD_ROWS.forEach(sql -> em.createNativeQuery(sql).setParameter("c", child.childRef).executeUpdate());
        if (!carers.isEmpty()) {
            // a carer no other child has was known only through this child
            em.createNativeQuery("delete from carer where carer_ref in (:carers)"
                    + " and not exists (select 1 from child_carer l where l.carer_ref = carer.carer_ref)")
                    .setParameter("carers", carers).executeUpdate();
        }
        em.createNativeQuery("delete from child_identity where child_ref = :c or child_ref in (:merged)")
                .setParameter("c", child.childRef)
                .setParameter("merged", mergedAway.isEmpty() ? List.of(child.childRef) : mergedAway).executeUpdate();

        outbox.append(RetentionEvents.ERASED, child.childRef, child.childRef, child.partnership,
                new RetentionEvents.Erased(child.childRef, child.partnership, tombstone.erasedAt, tombstone.retentionClass));
        return tombstone;
    }
}
