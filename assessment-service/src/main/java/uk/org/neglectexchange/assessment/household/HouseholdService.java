package uk.org.neglectexchange.assessment.household;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.AccessedResource;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.child.ChildView;
import uk.org.neglectexchange.assessment.household.HouseholdView.CarerView;
import uk.org.neglectexchange.assessment.household.HouseholdView.SiblingView;
import uk.org.neglectexchange.assessment.identity.IdentityCipher;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Siblings and carers of a child. Both children of a sibling link must be visible to the caller; a known carer can
 * be linked only by a partnership that already has a child the carer cares for. Linking what is already linked is
 * a no-op (200); linking it differently is a conflict.
 */
@ApplicationScoped
public class HouseholdService {

    private static final String REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What a link request produced, and whether it made a new link (201) or found it (200). */
    public record Linked<T>(T view, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ChildService children;

    @Inject
    IdentityProtection protection;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    @Transactional
    public Linked<SiblingView> linkSibling(String childRef, NewSiblingLink request, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        return idempotency.once(idempotencyKey, request,
                previous -> new Linked<>(siblingView(SiblingLink.findById(new SiblingLink.Key(child.childRef,
                        previous.resourceId()))), previous.status() == 201),
                () -> linkSiblingOnce(child, request));
    }

    private Applied<Linked<SiblingView>> linkSiblingOnce(Child child, NewSiblingLink request) {
        SiblingLinkRule.breach(child.childRef, request).ifPresent(breach -> {
            throw ProblemException.unprocessable(List.of(breach));
        });
        Child related = children.visibleChild(request.relatedChildRef());
        lockOn("siblings:" + pair(child.childRef, related.childRef));
        SiblingLink existing = SiblingLink.findById(new SiblingLink.Key(child.childRef, related.childRef));
        if (existing != null && existing.relationship != request.relationship()) {
            throw ProblemException.conflict("These children are already linked with another relationship");
        }
        SiblingLink link = existing != null ? existing : newSiblingLinks(child.childRef, related.childRef, request.relationship());
        return Applied.withStatus(existing == null ? 201 : 200, related.childRef,
                new Linked<>(siblingView(link), existing == null));
    }

    @Transactional
    public Linked<CarerView> linkCarer(String childRef, NewCarerLink request, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        return idempotency.once(idempotencyKey, request,
                previous -> new Linked<>(carerView(CarerLink.findById(new CarerLink.Key(child.childRef,
                        previous.resourceId()))), previous.status() == 201),
                () -> linkCarerOnce(child, request));
    }

    private Applied<Linked<CarerView>> linkCarerOnce(Child child, NewCarerLink request) {
        var breaches = CarerLinkRule.breaches(request);
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        Carer carer = request.carerRef() != null ? knownCarer(request.carerRef()) : newCarer(request);
        lockOn("carer:" + child.childRef + "|" + carer.carerRef);
        CarerLink existing = CarerLink.findById(new CarerLink.Key(child.childRef, carer.carerRef));
        if (existing != null && (existing.relationship != request.relationship()
                || existing.livesWithChild != request.livesWithChild())) {
            throw ProblemException.conflict("This carer is already linked to the child with another relationship or living arrangement");
        }
        CarerLink link = existing != null ? existing : newCarerLink(child.childRef, carer.carerRef, request);
        return Applied.withStatus(existing == null ? 201 : 200, carer.carerRef,
                new Linked<>(carerView(link), existing == null));
    }

    /** The household is part of the child's record: another agency reading it states its basis and the lead agency is told. */
    @Transactional
    public HouseholdView household(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.HOUSEHOLD);
        List<SiblingView> siblings = SiblingLink.of(child.childRef).stream()
                .map(this::siblingViewIfVisible).filter(Objects::nonNull).toList();
        List<CarerView> carers = CarerLink.of(child.childRef).stream().map(this::carerView).toList();
        return new HouseholdView(child.childRef, siblings, carers);
    }

    /** Another partnership's carer is as invisible as its children: 404, whether or not it exists. */
    private Carer knownCarer(String carerRef) {
        if (!CarerLink.caresForAChildOf(carerRef, caller.partnership())) {
            throw ProblemException.notFound("No carer with this carerRef in your partnership");
        }
        return Carer.findById(carerRef);
    }

    private Carer newCarer(NewCarerLink request) {
        Carer carer = new Carer();
        carer.carerRef = newCarerRef();
        // a carer's names are under a data key of its own, as a child's identity
        IdentityCipher cipher = protection.of(carer.carerRef);
        carer.givenName = cipher.encrypt(blankToNull(request.givenName()));
        carer.familyName = cipher.encrypt(request.familyName().strip());
        carer.createdAt = now();
        carer.createdByClient = caller.clientId();
        carer.persist();
        return carer;
    }

    private CarerLink newCarerLink(String childRef, String carerRef, NewCarerLink request) {
        CarerLink link = new CarerLink();
        link.childRef = childRef;
        link.carerRef = carerRef;
        link.relationship = request.relationship();
        link.livesWithChild = request.livesWithChild();
        link.linkedAt = now();
        link.linkedByClient = caller.clientId();
        link.persist();
        return link;
    }

    /** Writes the link both ways, so each child's household shows the other; returns the one from childRef. */
    private SiblingLink newSiblingLinks(String childRef, String relatedChildRef, SiblingRelationship relationship) {
        OffsetDateTime linkedAt = now();
        SiblingLink back = siblingLink(relatedChildRef, childRef, relationship, linkedAt);
        back.persist();
        SiblingLink link = siblingLink(childRef, relatedChildRef, relationship, linkedAt);
        link.persist();
        return link;
    }

    private SiblingLink siblingLink(String childRef, String relatedChildRef, SiblingRelationship relationship,
            OffsetDateTime linkedAt) {
        SiblingLink link = new SiblingLink();
        link.childRef = childRef;
        link.relatedChildRef = relatedChildRef;
        link.relationship = relationship;
        link.linkedAt = linkedAt;
        link.linkedByClient = caller.clientId();
        return link;
    }

    private SiblingView siblingView(SiblingLink link) {
        return siblingView(link, children.view(Child.findById(link.relatedChildRef)));
    }

    /** A sibling transferred to another partnership is out of sight here, as any child of another partnership. */
    private SiblingView siblingViewIfVisible(SiblingLink link) {
        Child related = Child.findById(link.relatedChildRef);
        return related.partnership.equals(caller.partnership()) ? siblingView(link, children.view(related)) : null;
    }

    private static SiblingView siblingView(SiblingLink link, ChildView related) {
        return new SiblingView(link.relatedChildRef, link.relationship, related.ageBand(), related.unborn(), link.linkedAt);
    }

    private CarerView carerView(CarerLink link) {
        Carer carer = Carer.findById(link.carerRef);
        HouseholdView.Identity identity = caller.hasRole("identity-read")
                ? new HouseholdView.Identity(protection.of(carer.carerRef).decrypt(carer.givenName),
                        protection.of(carer.carerRef).decrypt(carer.familyName))
                : null;
        return new CarerView(link.carerRef, link.relationship, link.livesWithChild, link.linkedAt, identity);
    }

    private String newCarerRef() {
        StringBuilder ref = new StringBuilder("CR-");
        for (int i = 0; i < 10; i++) {
            ref.append(REF_ALPHABET.charAt(random.nextInt(REF_ALPHABET.length())));
        }
        return ref.toString();
    }

    private void lockOn(String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", key).getSingleResult();
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
