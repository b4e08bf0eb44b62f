package uk.org.neglectexchange.assessment.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Moves a child's record to another partnership when the family moves: the record then belongs to the new
 * partnership only (the old one gets 404, as for any child not its own), the history keeps where it has been,
 * and one event tells both partnerships.
 */
@ApplicationScoped
public class TransferService {

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

    @Transactional
    public TransferView transfer(String childRef, NewTransfer request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, request,
                previous -> view(PartnershipPeriod.findById(Long.valueOf(previous.resourceId()))),
                () -> {
                    PartnershipPeriod left = transferOnce(childRef, request);
                    return Applied.created(left.id, view(left));
                });
    }

    private PartnershipPeriod transferOnce(String childRef, NewTransfer request) {
        // one transfer of a child at a time: the second finds the child gone from its partnership
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", "transfer:" + childRef).getSingleResult();
        Child child = children.visibleChild(childRef);
        TransferRule.breach(child.partnership, request).ifPresent(breach -> {
            throw ProblemException.unprocessable(List.of(breach));
        });
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        PartnershipPeriod left = PartnershipPeriod.open(child.childRef).orElseGet(() -> firstPeriod(child));
        left.toAt = now;
        left.transferredByClient = caller.clientId();
        left.transferReason = request.reason();
        // closed before the next period opens: a child has one open period at a time
        left.persistAndFlush();
        PartnershipPeriod joined = new PartnershipPeriod();
        joined.childRef = child.childRef;
        joined.partnership = request.toPartnership();
        joined.fromAt = now;
        joined.persist();
        child.partnership = request.toPartnership();

        outbox.append(TransferEvents.TRANSFERRED, child.childRef, child.childRef, request.toPartnership(),
                new TransferEvents.Transferred(child.childRef, request.toPartnership(), left.partnership,
                        request.toPartnership(), now.toLocalDate(), now, request.reason(), caller.agency()));
        return left;
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

    private static TransferView view(PartnershipPeriod left) {
        String to = PartnershipPeriod.startingAt(left.childRef, left.toAt).orElseThrow().partnership;
        return new TransferView(left.childRef, left.partnership, to, left.toAt, left.transferReason);
    }
}
