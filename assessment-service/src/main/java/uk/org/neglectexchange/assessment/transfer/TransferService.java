package uk.org.neglectexchange.assessment.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Moves a child's record to another partnership when the family moves, in two steps: the sending partnership asks,
 * and the record stays its own (read and written by it alone) until the receiving partnership's children's services
 * accepts; from then on it belongs to the new partnership only (the old one gets 404, as for any child not its own).
 * The history keeps where the child has been, and the events tell both partnerships.
 */
@ApplicationScoped
public class TransferService {

    /** Working days are dates in England, whatever zone the service clock keeps. */
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ChildService children;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    TransferAcceptanceDeadline deadline;

    /** The sending partnership asks: the child stays its own until the receiving partnership accepts. */
    @Transactional
    public TransferView request(String childRef, NewTransfer request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, request,
                previous -> TransferView.of(ChildTransfer.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    ChildTransfer requested = requestOnce(childRef, request);
                    return Applied.created(requested.id, TransferView.of(requested));
                });
    }

    private ChildTransfer requestOnce(String childRef, NewTransfer request) {
        // one transfer of a child waits at a time: the second request finds the first
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", "transfer:" + childRef).getSingleResult();
        Child child = children.visibleChild(childRef);
        TransferRule.breach(child.partnership, request).ifPresent(breach -> {
            throw ProblemException.unprocessable(List.of(breach));
        });
        ChildTransfer.waiting(child.childRef).ifPresent(waiting -> {
            throw ProblemException.conflict("The child's transfer " + waiting.id + " to " + waiting.toPartnership
                    + " waits for acceptance until " + waiting.acceptBy);
        });
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        ChildTransfer t = new ChildTransfer();
        t.id = UUID.randomUUID();
        t.childRef = child.childRef;
        t.fromPartnership = child.partnership;
        t.toPartnership = request.toPartnership();
        t.reason = request.reason();
        t.status = TransferStatus.REQUESTED;
        t.requestedAt = now;
        t.requestedByClient = caller.clientId();
        t.requestedByAgency = caller.agency();
        t.requestedByPractitioner = caller.requirePractitionerId();
        LocalDate requestedOn = now.atZoneSameInstant(ENGLAND).toLocalDate();
        t.acceptBy = deadline.acceptBy(requestedOn);
        t.persist();
        outbox.append(TransferEvents.REQUESTED, t.childRef, t.childRef, t.fromPartnership,
                new TransferEvents.Requested(t.id, t.childRef, t.fromPartnership, t.fromPartnership, t.toPartnership,
                        requestedOn, now, t.acceptBy, t.reason, t.requestedByAgency));
        return t;
    }

    /** The transfer's child, for the audit of an acceptance; null for an unknown id. */
    @Transactional
    public String childRefOf(UUID transferId) {
        ChildTransfer t = ChildTransfer.findById(transferId);
        return t == null ? null : t.childRef;
    }

    /**
     * The receiving partnership's children's services accepts: the child moves to it now, the history gets its next
     * period, and child.transferred tells both partnerships (and escalation-service moves the child's escalations).
     */
    @Transactional
    public TransferView accept(UUID transferId, String idempotencyKey) {
        return idempotency.once(idempotencyKey, Map.of("accept", transferId.toString()),
                previous -> TransferView.of(ChildTransfer.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    ChildTransfer accepted = acceptOnce(transferId);
                    return Applied.withStatus(200, accepted.id, TransferView.of(accepted));
                });
    }

    private ChildTransfer acceptOnce(UUID transferId) {
        ChildTransfer t = em.find(ChildTransfer.class, transferId, LockModeType.PESSIMISTIC_WRITE);
        TransferAcceptanceRule.require(t, caller.partnership(), caller.agency());
        Child child = em.find(Child.class, t.childRef, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        PartnershipPeriod left = PartnershipPeriod.open(child.childRef).orElseGet(() -> firstPeriod(child));
        left.toAt = now;
        left.transferredByClient = t.requestedByClient;
        left.transferReason = t.reason;
        // closed before the next period opens: a child has one open period at a time
        left.persistAndFlush();
        PartnershipPeriod joined = new PartnershipPeriod();
        joined.childRef = child.childRef;
        joined.partnership = t.toPartnership;
        joined.fromAt = now;
        joined.persist();
        child.partnership = t.toPartnership;
        t.status = TransferStatus.ACCEPTED;
        t.acceptedAt = now;
        t.acceptedByClient = caller.clientId();
        t.acceptedByPractitioner = caller.requirePractitionerId();

        outbox.append(TransferEvents.TRANSFERRED, child.childRef, child.childRef, t.toPartnership,
                new TransferEvents.Transferred(child.childRef, t.toPartnership, t.fromPartnership, t.toPartnership,
                        now.toLocalDate(), now, t.reason, t.requestedByAgency, t.id, t.requestedAt, caller.agency()));
        return t;
    }

    @Transactional
    public List<PartnershipPeriodView> history(String childRef) {
        Child child = children.visibleChild(childRef);
        List<PartnershipPeriod> periods = PartnershipPeriod.of(child.childRef);
        // a child never transferred has had one partnership since it was registered
        return periods.isEmpty() ? List.of(firstPeriodView(child)) : periods.stream().map(PartnershipPeriodView::of).toList();
    }

    /** The period a child spent with the partnership it was registered with, written down when it first leaves. */
    private static PartnershipPeriod firstPeriod(Child child) {
        PartnershipPeriod period = new PartnershipPeriod();
        period.childRef = child.childRef;
        period.partnership = child.partnership;
        period.fromAt = child.registeredAt;
        return period;
    }

    private static PartnershipPeriodView firstPeriodView(Child child) {
        return new PartnershipPeriodView(child.partnership, child.registeredAt, null, null, null);
    }

}
