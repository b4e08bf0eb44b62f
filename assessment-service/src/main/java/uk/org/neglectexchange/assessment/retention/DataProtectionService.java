package uk.org.neglectexchange.assessment.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The data protection officer's decisions on a child of its partnership: legal holds set and lifted, and erasure on
 * instruction. Each takes the child's row lock, so a hold and an erasure (or the retention job) never cross.
 */
@ApplicationScoped
public class DataProtectionService {

    /** What an Idempotency-Key stands for: the same reason for another child or hold is another request. */
    record HoldRequest(String childRef, String reason) {
    }

    record LiftRequest(String childRef, UUID holdId, String reason) {
    }

    record ErasureRequest(String childRef, String reason) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ChildService children;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    ChildErasure erasure;

    @Inject
    Clock clock;

    @Transactional
    public LegalHoldView hold(String childRef, ReasonRequest request, String idempotencyKey) {
        inOfficersPartnership(childRef);
        String reason = ReasonRequest.required(request);
        return idempotency.once(idempotencyKey, new HoldRequest(childRef, reason),
                previous -> LegalHoldView.of(LegalHold.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    Child child = locked(childRef);
                    LegalHold hold = new LegalHold();
                    hold.id = UUID.randomUUID();
                    hold.childRef = child.childRef;
                    hold.partnership = child.partnership;
                    hold.reason = reason;
                    hold.setAt = now();
                    hold.setByClient = caller.clientId();
                    hold.setByPractitioner = caller.requirePractitionerId();
                    hold.persist();
                    return Applied.created(hold.id, LegalHoldView.of(hold));
                });
    }

    @Transactional
    public LegalHoldView lift(String childRef, UUID holdId, ReasonRequest request, String idempotencyKey) {
        inOfficersPartnership(childRef);
        String reason = ReasonRequest.required(request);
        return idempotency.once(idempotencyKey, new LiftRequest(childRef, holdId, reason),
                previous -> LegalHoldView.of(LegalHold.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    Child child = locked(childRef);
                    LegalHold hold = LegalHold.<LegalHold>findByIdOptional(holdId)
                            .filter(found -> found.childRef.equals(child.childRef))
                            .orElseThrow(() -> ProblemException.notFound("No legal hold with this id on this child"));
                    if (hold.liftedAt != null) {
                        throw ProblemException.conflict("The legal hold was already lifted at " + hold.liftedAt);
                    }
                    hold.liftedAt = now();
                    hold.liftedByClient = caller.clientId();
                    hold.liftedByPractitioner = caller.requirePractitionerId();
                    hold.liftReason = reason;
                    return Applied.withStatus(200, hold.id, LegalHoldView.of(hold));
                });
    }

    @Transactional
    public List<LegalHoldView> holds(String childRef) {
        return LegalHold.of(children.visibleChild(childRef).childRef).stream().map(LegalHoldView::of).toList();
    }

    @Transactional
    public ErasureView erase(String childRef, ReasonRequest request, String idempotencyKey) {
        inOfficersPartnership(childRef);
        String reason = ReasonRequest.required(request);
        return idempotency.once(idempotencyKey, new ErasureRequest(childRef, reason),
                previous -> ErasureView.of(ChildTombstone.findById(previous.resourceId())),
                () -> {
                    Child child = children.visibleChild(childRef);
                    ChildTombstone tombstone = erasure.erase(child, new ChildErasure.Erasing(caller.clientId(),
                            caller.requirePractitionerId(), RetentionClass.DPO_INSTRUCTION, reason));
                    return Applied.withStatus(200, tombstone.childRef, ErasureView.of(tombstone));
                });
    }

    /**
     * The child first: another partnership's officer learns nothing, not even that a reason is missing. An erased
     * child passes, so a retry of its erasure gets the first outcome; the work itself answers 410.
     */
    private void inOfficersPartnership(String childRef) {
        Child.known(childRef).filter(child -> child.partnership.equals(caller.partnership()))
                .orElseThrow(() -> ProblemException.notFound("No child with this childRef in your partnership"));
    }

    /** The child of the officer's partnership, its row locked and read again: an erasure that won the lock shows. */
    private Child locked(String childRef) {
        Child child = children.visibleChild(childRef);
        em.lock(child, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(child);
        return children.visibleChild(childRef);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
