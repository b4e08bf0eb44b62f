package uk.org.neglectexchange.assessment.merge;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.assessment.Assessment;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildIdentity;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.retention.ChildTombstone;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;

/**
 * Merges a duplicate record into the surviving one: its chronology, assessments, level history, household and shares
 * move, in one transaction; the duplicate then points at the survivor for good, and {@code child.merged} tells the
 * other services' projections to follow.
 */
@ApplicationScoped
public class ChildMergeService {

    /** What an Idempotency-Key stands for: the same body sent for another surviving record is another request. */
    record MergeRequest(String survivingChildRef, NewMerge merge) {
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
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    IdentityProtection protection;

    @Transactional
    public MergeView merge(String survivingRef, NewMerge request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, new MergeRequest(survivingRef, request),
                previous -> MergeView.of(ChildMerge.findById(previous.resourceId())),
                () -> {
                    ChildMerge merge = mergeOnce(survivingRef, request);
                    return Applied.created(merge.mergedRef, MergeView.of(merge));
                });
    }

    @Transactional
    public List<MergeView> mergedInto(String survivingRef) {
        Child surviving = children.visibleChild(survivingRef);
        return ChildMerge.into(surviving.childRef).stream().map(MergeView::of).toList();
    }

    private ChildMerge mergeOnce(String survivingRef, NewMerge request) {
        Child surviving = children.visibleChild(survivingRef);
        Optional<Child> duplicate = Child.known(request.duplicateChildRef())
                .filter(child -> child.partnership.equals(surviving.partnership))
                // an erased record has nothing left to merge: as unknown
                .filter(child -> !ChildTombstone.erased(child.childRef));
        // both rows locked in one order, so two merges of the same records cannot cross
        lockInOrder(surviving, duplicate);
        ChildMergeRule.refusal(caller.agency(), new ChildMergeRule.Candidates(surviving.childRef,
                request.duplicateChildRef(), duplicate.isPresent(), duplicate.map(child -> child.mergedInto).orElse(null),
                nhsHash(surviving.childRef), duplicate.map(child -> nhsHash(child.childRef)).orElse(null),
                openAssessment(surviving.childRef), duplicate.flatMap(child -> openAssessment(child.childRef)),
                duplicate.map(child -> openPlanKindsOfBoth(surviving, child)).orElse(List.of()),
                duplicate.isPresent() && transferWaiting(surviving, duplicate.get())))
                .ifPresent(refusal -> {
                    throw refusal;
                });
        Child merged = duplicate.orElseThrow();
        merged.mergedInto = surviving.childRef;
        em.flush();

        ChildMerge merge = new ChildMerge();
        merge.mergedRef = merged.childRef;
        merge.survivingRef = surviving.childRef;
        merge.partnership = surviving.partnership;
        merge.reason = request.reason().strip();
        merge.mergedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        merge.mergedByClient = caller.clientId();
        merge.mergedByAgency = caller.agency();
        merge.mergedByPractitioner = caller.requirePractitionerId();
        merge.chronologyEntries = rehome("chronology_entry", merged, surviving);
        merge.assessments = rehome("assessment", merged, surviving);
        merge.levelChanges = rehome("threshold_history", merged, surviving);
        rehome("level_decision", merged, surviving);
        rehome("child_plan", merged, surviving);
        rehome("child_transfer", merged, surviving);
        // the summary's copy of the escalations escalation-service moves on child.merged
        rehome("summary_escalation", merged, surviving);
        rehome("sharing_record", merged, surviving);
        merge.householdLinks = moveHousehold(merged, surviving);
        adoptNhsNumber(merged, surviving);
        merge.persist();

        // keyed by the duplicate: each consumer has applied the duplicate's earlier events before it moves them
        outbox.append(MergeEvents.MERGED, merged.childRef, surviving.childRef, surviving.partnership,
                new MergeEvents.Merged(surviving.childRef, surviving.partnership, merged.childRef, surviving.childRef,
                        merge.mergedAt));
        return merge;
    }

    private void lockInOrder(Child surviving, Optional<Child> duplicate) {
        List<Child> both = duplicate.isEmpty() ? List.of(surviving)
                : surviving.childRef.compareTo(duplicate.get().childRef) < 0 ? List.of(surviving, duplicate.get())
                : List.of(duplicate.get(), surviving);
        both.forEach(child -> em.lock(child, LockModeType.PESSIMISTIC_WRITE));
        both.forEach(em::refresh);
    }

    private int rehome(String table, Child merged, Child surviving) {
        return em.createNativeQuery("update " + table + " set child_ref = :surviving where child_ref = :merged")
                .setParameter("surviving", surviving.childRef).setParameter("merged", merged.childRef).executeUpdate();
    }

    /**
     * The duplicate's siblings and carers become the survivor's, once each; a link between the two records themselves
     * would link the child to itself, and goes.
     */
    private int moveHousehold(Child merged, Child surviving) {
        String s = surviving.childRef;
        String m = merged.childRef;
        int moved = em.createNativeQuery("""
                insert into household_link (child_ref, related_child_ref, relationship, linked_at, linked_by_client)
                select case when child_ref = :m then :s else child_ref end,
                       case when related_child_ref = :m then :s else related_child_ref end,
                       relationship, linked_at, linked_by_client
                from household_link
                where (child_ref = :m and related_child_ref <> :s) or (related_child_ref = :m and child_ref <> :s)
                on conflict do nothing""").setParameter("m", m).setParameter("s", s).executeUpdate();
        em.createNativeQuery("delete from household_link where child_ref = :m or related_child_ref = :m")
                .setParameter("m", m).executeUpdate();
        moved += em.createNativeQuery("""
                insert into child_carer (child_ref, carer_ref, relationship, lives_with_child, linked_at, linked_by_client)
                select :s, carer_ref, relationship, lives_with_child, linked_at, linked_by_client
                from child_carer where child_ref = :m
                on conflict do nothing""").setParameter("m", m).setParameter("s", s).executeUpdate();
        em.createNativeQuery("delete from child_carer where child_ref = :m").setParameter("m", m).executeUpdate();
        return moved;
    }

    /** A survivor without an NHS number takes the duplicate's, so the next registration by it finds the survivor. */
    private void adoptNhsNumber(Child merged, Child surviving) {
        ChildIdentity from = ChildIdentity.findById(merged.childRef);
        ChildIdentity to = ChildIdentity.findById(surviving.childRef);
        if (to.nhsNumberHash == null && from.nhsNumberHash != null) {
            String hash = from.nhsNumberHash;
            // each child's identity is under its own key: the number is encrypted again under the survivor's
            String nhsNumber = protection.of(surviving.childRef).encrypt(protection.of(merged.childRef).decrypt(from.nhsNumber));
            from.nhsNumberHash = null;
            from.nhsNumber = null;
            // the hash is unique: it leaves the duplicate before the survivor takes it
            em.flush();
            to.nhsNumberHash = hash;
            to.nhsNumber = nhsNumber;
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> openPlanKindsOfBoth(Child surviving, Child duplicate) {
        return em.createNativeQuery("select kind from child_plan where child_ref = :s and end_date is null intersect"
                + " select kind from child_plan where child_ref = :d and end_date is null order by 1")
                .setParameter("s", surviving.childRef).setParameter("d", duplicate.childRef).getResultList();
    }

    private boolean transferWaiting(Child surviving, Child duplicate) {
        return ((Number) em.createNativeQuery("select count(*) from child_transfer where child_ref in (:s, :d)"
                + " and status = 'REQUESTED'").setParameter("s", surviving.childRef).setParameter("d", duplicate.childRef)
                .getSingleResult()).longValue() > 0;
    }

    /** Under the current matching key, so two records' numbers compare even while a rotation re-hashes them. */
    private String nhsHash(String childRef) {
        ChildIdentity identity = ChildIdentity.findById(childRef);
        return identity.nhsNumberHash == null ? null
                : protection.matchingHash("nhs:" + protection.of(childRef).decrypt(identity.nhsNumber));
    }

    private Optional<UUID> openAssessment(String childRef) {
        return em.createQuery("select a.id from Assessment a where a.childRef = :c and a.status = :open", UUID.class)
                .setParameter("c", childRef)
                .setParameter("open", Assessment.Status.OPEN)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
