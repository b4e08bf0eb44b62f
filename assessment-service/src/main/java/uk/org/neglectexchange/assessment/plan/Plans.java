package uk.org.neglectexchange.assessment.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.AccessedResource;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A child's plans (early help, child in need, child protection, looked after). Children's services of the child's
 * partnership records them; any agency of the partnership reads them, stating its basis as for the chronology.
 */
@ApplicationScoped
public class Plans {

    /** The agency that decides and records plans: the local authority's children's services. */
    static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";

    /** Plans are dated by the English calendar, as chronology entries are. */
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** What an Idempotency-Key stands for: the same body sent for another child (or plan) is another request. */
    record KeyedStart(String childRef, NewPlan plan) {
    }

    record KeyedEnd(String childRef, UUID planId, PlanEnding ending) {
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
    public PlanView start(String childRef, NewPlan request, String idempotencyKey) {
        Child child = writableChild(childRef);
        return idempotency.once(idempotencyKey, new KeyedStart(childRef, request),
                previous -> PlanView.of(Plan.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    Plan plan = startOnce(child, request);
                    return Applied.created(plan.id, PlanView.of(plan));
                });
    }

    private Plan startOnce(Child child, NewPlan request) {
        List<Plan> sameKind = Plan.of(child.childRef).stream().filter(p -> p.kind == request.kind()).toList();
        var breaches = PlanRule.startBreaches(request, today(), sameKind);
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.childRef = child.childRef;
        plan.kind = request.kind();
        plan.category = request.category();
        plan.startDate = request.startDate();
        plan.startedByClient = caller.clientId();
        plan.startedByPractitioner = caller.requirePractitionerId();
        plan.recordedAt = now();
        plan.persist();
        outbox.append(PlanEvents.STARTED, child.childRef, child.childRef, child.partnership,
                new PlanEvents.Started(plan.id, child.childRef, child.partnership, caller.agency(), plan.kind,
                        plan.category, plan.startDate, plan.recordedAt));
        return plan;
    }

    @Transactional
    public PlanView end(String childRef, UUID planId, PlanEnding request, String idempotencyKey) {
        Child child = writableChild(childRef);
        return idempotency.once(idempotencyKey, new KeyedEnd(childRef, planId, request),
                previous -> PlanView.of(Plan.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    Plan plan = endOnce(child, planId, request);
                    return Applied.withStatus(200, plan.id, PlanView.of(plan));
                });
    }

    private Plan endOnce(Child child, UUID planId, PlanEnding request) {
        Plan plan = Plan.findById(planId);
        if (plan == null || !plan.childRef.equals(child.childRef)) {
            throw ProblemException.notFound("No such plan of this child");
        }
        if (plan.endDate != null) {
            throw ProblemException.conflict("The plan has ended already");
        }
        var breaches = PlanRule.endBreaches(plan, request, today());
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        plan.endDate = request.endDate();
        plan.endReason = request.reason();
        plan.endedByClient = caller.clientId();
        plan.endedByPractitioner = caller.requirePractitionerId();
        plan.endedAt = now();
        outbox.append(PlanEvents.ENDED, child.childRef, child.childRef, child.partnership,
                new PlanEvents.Ended(plan.id, child.childRef, child.partnership, caller.agency(), plan.kind,
                        plan.category, plan.startDate, plan.endDate, plan.endReason, plan.endedAt));
        return plan;
    }

    /** Every plan of a child of the caller's partnership, oldest first; a reader other than the lead agency is announced. */
    @Transactional
    public List<PlanView> list(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.PLANS);
        return Plan.of(child.childRef).stream().map(PlanView::of).toList();
    }

    /**
     * The child's open plans, oldest first, for a caller that has already checked the child is visible and recorded
     * the read (the child summary): no audit or announcement of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlanView> current(String childRef) {
        return Plan.openOf(childRef).stream().map(PlanView::of).toList();
    }

    /** The child must be the caller's partnership's (else 404); then only its children's services records plans (403). */
    private Child writableChild(String childRef) {
        // another partnership's child is not there for the caller (404) before anything is said about the caller
        Child child = children.visibleChild(childRef);
        if (!CHILDRENS_SERVICES.equals(caller.agency())) {
            throw ProblemException.forbidden("Plans are recorded by the child's children's services");
        }
        // one plan write per child at a time: two starts of a kind cannot both find none open
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:c))) as locked")
                .setParameter("c", "plan:" + childRef).getSingleResult();
        return child;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ENGLAND));
    }

    private OffsetDateTime now() {
        // the database keeps microseconds: the same value is then in the response, the row and the event
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
