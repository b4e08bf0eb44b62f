package uk.org.neglectexchange.assessment.chronology;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Rectifies an entry recorded against the wrong child (UK GDPR Art 16): the child's partnership's children's
 * services or its data protection officer, with a reason. The entry stays as it was, hidden from every reader but
 * the data protection officer; {@code chronology.entry-rectified} tells the projections to drop it. An entry is
 * rectified once: a retry with the same Idempotency-Key gets the first answer, any other request a 409.
 */
@ApplicationScoped
public class RectificationService {

    static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";

    record KeyedRequest(String childRef, String entryId, NewRectification rectification) {
    }

    @Inject
    EntityManager em;

    @Inject
    ChildService children;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public RectificationView rectify(String childRef, String entryId, NewRectification request, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        if (!CHILDRENS_SERVICES.equals(caller.agency()) && !caller.hasRole(SharingLevelRule.DATA_PROTECTION_ROLE)) {
            throw ProblemException.forbidden("Only children's services or the data protection officer rectify an entry");
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:c))) as locked")
                .setParameter("c", "chronology:" + childRef).getSingleResult();
        return idempotency.once(idempotencyKey, new KeyedRequest(childRef, entryId, request),
                previous -> RectificationView.of(childRef, ChronologyRectification.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    ChronologyRectification done = rectifyOnce(child, entryId, request);
                    return Applied.created(done.entryId, RectificationView.of(childRef, done));
                });
    }

    private ChronologyRectification rectifyOnce(Child child, String entryId, NewRectification request) {
        ChronologyEntry entry = parse(entryId).map(id -> ChronologyEntry.<ChronologyEntry>findById(id))
                .filter(e -> e.childRef.equals(child.childRef))
                .orElseThrow(() -> ProblemException.notFound("No such entry in this child's chronology"));
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.unprocessable("reason", "is required: why the entry does not belong to this child");
        }
        if (ChronologyRectification.findById(entry.id) != null) {
            throw ProblemException.conflict("This entry has already been rectified");
        }
        ChronologyRectification rectification = new ChronologyRectification();
        rectification.entryId = entry.id;
        rectification.agency = caller.agency();
        rectification.clientId = caller.clientId();
        rectification.reason = request.reason();
        rectification.rectifiedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        rectification.persist();
        outbox.append(ChronologyEvents.ENTRY_RECTIFIED, child.childRef, child.childRef, child.partnership,
                new ChronologyEvents.EntryRectified(entry.id, child.childRef, child.partnership, entry.agency, entry.type,
                        entry.occurredOn, rectification.rectifiedAt, rectification.agency));
        return rectification;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
