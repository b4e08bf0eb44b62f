package uk.org.neglectexchange.escalation.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;
import uk.org.neglectexchange.escalation.procedure.PracticeApproachMapping;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** Raises escalations and carries out their parties' actions, each change with its event in one transaction. */
@ApplicationScoped
public class EscalationService {

    @Inject
    EntityManager em;

    @Inject
    EscalationDeadlines deadlines;

    @Inject
    EscalationEvents events;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Clock clock;

    @Transactional
    public Escalation raise(NewEscalation request, Actor actor, String idempotencyKey) {
        return idempotency.once(idempotencyKey, request,
                previous -> Escalation.findById(UUID.fromString(previous.resourceId())),
                () -> {
                    Escalation raised = raiseOnce(request, actor);
                    return Applied.created(raised.id, raised);
                });
    }

    private Escalation raiseOnce(NewEscalation request, Actor actor) {
        requireNotAnotherPartnershipsChild(request.childRef(), actor);
        EscalationType type = EscalationScope.require(request.type());
        if (request.otherAgency().equals(actor.agency())) {
            throw ProblemException.unprocessable("otherAgency", "An escalation is between two agencies: name the other one");
        }
        int startStage = StageOrder.startStage(request.startStage(), request.urgencyReason());
        PartnershipProcedure procedure = PartnershipProcedure.findById(actor.partnership());
        if (procedure == null) {
            throw new ProblemException(503, "Service Unavailable", "The escalation procedure of partnership "
                    + actor.partnership() + " is not known yet: it arrives with the partnership's published toolkit"
                    + " edition", List.of());
        }
        Escalation e = new Escalation();
        e.id = UUID.randomUUID();
        e.partnership = actor.partnership();
        e.childRef = request.childRef();
        e.type = type;
        e.raisedByAgency = actor.agency();
        e.raisedByClient = actor.clientId();
        e.raisedByPractitioner = actor.practitionerId();
        e.otherAgency = request.otherAgency();
        e.disagreement = request.disagreement().strip();
        e.currentRisk = request.currentRisk();
        e.procedureCode = procedure.procedureCode;
        e.stageDeadlineWorkingDays = procedure.stageDeadlineWorkingDays;
        e.businessTeamNotifiedFromStage = procedure.businessTeamNotifiedFromStage;
        PracticeApproachMapping.forEscalation(procedure).ifPresent(approach -> {
            e.practiceApproach = approach.code();
            e.practiceApproachName = approach.name();
            e.guidanceLink = approach.guidanceLink();
        });
        e.status = EscalationStatus.OPEN;
        e.raisedAt = now();
        StageEntry entry = startStage > StageOrder.FIRST ? StageEntry.RAISED_URGENT : StageEntry.RAISED;
        String issue = entry == StageEntry.RAISED_URGENT
                ? e.disagreement + "\n\nUrgency: " + request.urgencyReason().strip()
                : e.disagreement;
        EscalationStage stage = openStage(e, startStage, entry, issue, LocalDate.now(clock),
                request.shortenedDeadlineWorkingDays(), request.deadlineReason(), List.of(e.raisedByAgency, e.otherAgency));
        stage.involve(null, request.role());
        e.persist();
        stage.persist();
        events.raised(e, stage);
        return e;
    }

    /** An action's request as its Idempotency-Key is checked: the same body for another escalation is another request. */
    private record KeyedAction(UUID escalationId, String ifMatch, NewAction action) {
    }

    @Transactional
    public Escalation act(UUID id, NewAction request, Actor actor, String idempotencyKey, String ifMatch) {
        if (request.action() != ActionKind.ESCALATE && (request.shortenedDeadlineWorkingDays() != null
                || request.deadlineReason() != null)) {
            throw ProblemException.unprocessable("shortenedDeadlineWorkingDays",
                    "A deadline is set as a stage starts: only escalate may shorten the next stage's deadline");
        }
        Escalation e = visible(em.find(Escalation.class, id, LockModeType.PESSIMISTIC_WRITE), actor);
        if (!EscalationParticipation.actsOn(actor, e)) {
            throw ProblemException.forbidden("The partnership's business team is told of escalations; it does not act on them");
        }
        // a retry is answered before the stage it names is checked: that stage has moved on since its first answer
        return idempotency.once(idempotencyKey, new KeyedAction(id, ifMatch, request), previous -> e, () -> {
            actOnce(e, request, actor, ifMatch);
            return Applied.withStatus(200, e.id, e);
        });
    }

    private void actOnce(Escalation e, NewAction request, Actor actor, String ifMatch) {
        if (e.status == EscalationStatus.RESOLVED) {
            throw ProblemException.conflict("The escalation was resolved on " + e.resolvedOn + "; raise a new one if"
                    + " the disagreement returns");
        }
        if (e.status == EscalationStatus.CLOSED) {
            throw ProblemException.conflict("The escalation was closed on " + e.closedOn + " when its child moved"
                    + " partnership (" + e.closedReason + "); raise a new one there if the disagreement remains");
        }
        StagePrecondition.require(e.stage, e.status, request.expectedStage(), ifMatch);
        LocalDate today = LocalDate.now(clock);
        EscalationStage current = EscalationStage.current(e);
        // a refusal here or below rolls the transaction back: a refused action leaves nothing behind
        switch (request.action()) {
            case RESPOND -> require(request.note(), "note", "A response records what the agency says: note is required");
            case ESCALATE -> require(request.reason(), "reason", "Escalating needs the reason the stage did not resolve it");
            case RESOLVE -> requireAll(request);
        }
        record(e, request, actor);
        current.involve(actor.agency(), request.role());
        if (request.agreedAction() != null) {
            current.agreedAction = request.agreedAction().strip();
        }
        if (request.outcome() != null) {
            current.outcome = request.outcome().strip();
        }
        if (request.action() == ActionKind.ESCALATE) {
            current.endedOn = today;
            int from = e.stage;
            EscalationStage next = openStage(e, StageOrder.next(from), StageEntry.ESCALATED, request.reason().strip(),
                    today, request.shortenedDeadlineWorkingDays(), request.deadlineReason(), current.agencies);
            next.persist();
            events.stageChanged(e, from, next);
        } else if (request.action() == ActionKind.RESOLVE) {
            current.endedOn = today;
            e.status = EscalationStatus.RESOLVED;
            e.resolvedOn = today;
            e.resolvedBy = request.resolvedBy().strip();
            e.resolvedByAgency = actor.agency();
            e.outcome = request.outcome().strip();
            events.resolved(e);
        }
    }

    /** Moves the escalation to {@code stage}, starting on {@code startsOn} with the procedure's (or a shortened) deadline. */
    EscalationStage openStage(Escalation e, int stage, StageEntry entry, String issue, LocalDate startsOn,
            Integer shortenedDays, String deadlineReason, List<String> agencies) {
        EscalationDeadlines.StageDeadline deadline = deadlines.forStage(e.stageDeadlineWorkingDays, stage, startsOn,
                shortenedDays, deadlineReason);
        EscalationStage s = new EscalationStage();
        s.id = UUID.randomUUID();
        s.escalationId = e.id;
        s.stage = stage;
        s.enteredBecause = entry;
        s.issue = issue;
        s.agencies = new ArrayList<>(agencies);
        s.startedOn = startsOn;
        s.deadlineWorkingDays = deadline.workingDays();
        s.deadlineReason = deadline.shortenedBecause();
        s.deadline = deadline.deadline();
        e.stage = stage;
        e.deadline = deadline.deadline();
        return s;
    }

    @Transactional
    public EscalationView view(UUID id, Actor actor) {
        return view(visible(Escalation.findById(id), actor));
    }

    @Transactional
    public EscalationView view(Escalation e) {
        return EscalationView.of(e, EscalationStage.of(e.id), RecordedAction.list("escalationId = ?1 order by at, id", e.id));
    }

    /** The escalations of its partnership the caller takes part in ({@link EscalationParticipation}), newest first. */
    @Transactional
    public EscalationView.Page list(Actor actor, EscalationStatus status, Integer stage, Long before, int limit) {
        StringBuilder query = new StringBuilder("partnership = :partnership and ")
                .append(EscalationParticipation.seenWhere(actor.party()));
        Parameters params = Parameters.with("partnership", actor.partnership());
        if (actor.party() == EscalationParticipation.Party.AGENCY) {
            params.and("agency", actor.agency());
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (stage != null) {
            query.append(" and stage = :stage");
            params.and("stage", stage);
        }
        if (before != null) {
            query.append(" and sequenceNo < :before");
            params.and("before", before);
        }
        // one more than the page: its presence says there is a next page
        List<Escalation> found = Escalation.<Escalation>find(query + " order by sequenceNo desc", params)
                .range(0, limit).list();
        String next = found.size() > limit ? String.valueOf(found.get(limit - 1).sequenceNo) : null;
        return new EscalationView.Page(found.stream().limit(limit).map(EscalationView.Summary::of).toList(), next);
    }

    /**
     * A child the case projection knows in another partnership is not the caller's to escalate about: 404, as its
     * record is to the caller everywhere else. A child no assessment event has named yet (registered a moment ago)
     * is accepted, as before; its escalation stays in the caller's partnership.
     */
    private void requireNotAnotherPartnershipsChild(String childRef, Actor actor) {
        List<?> partnership = em.createNativeQuery("select partnership from case_child where child_ref = :child")
                .setParameter("child", childRef).getResultList();
        if (!partnership.isEmpty() && !partnership.get(0).equals(actor.partnership())) {
            throw ProblemException.notFound("No child with this childRef in your partnership");
        }
    }

    /** Another partnership's escalation, or one the caller takes no part in (yet), does not exist for the caller. */
    private static Escalation visible(Escalation e, Actor actor) {
        if (e == null || !EscalationParticipation.sees(actor, e)) {
            throw ProblemException.notFound("No escalation with this id that you take part in");
        }
        return e;
    }

    private void record(Escalation e, NewAction request, Actor actor) {
        RecordedAction a = new RecordedAction();
        a.id = UUID.randomUUID();
        a.escalationId = e.id;
        a.stage = e.stage;
        a.action = request.action();
        a.agency = actor.agency();
        a.clientId = actor.clientId();
        a.practitionerId = actor.practitionerId();
        a.role = request.role();
        a.reason = request.reason();
        a.agreedAction = request.agreedAction();
        a.outcome = request.outcome();
        a.resolvedBy = request.resolvedBy();
        a.note = request.note();
        a.at = now();
        a.persist();
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.unprocessable(field, message);
        }
    }

    private static void requireAll(NewAction request) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (request.outcome() == null || request.outcome().isBlank()) {
            missing.add(new Problem.FieldError("outcome", "Resolving needs the outcome"));
        }
        if (request.resolvedBy() == null || request.resolvedBy().isBlank()) {
            missing.add(new Problem.FieldError("resolvedBy", "Resolving needs who resolved it"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable(missing);
        }
    }

    /**
     * Microseconds, as PostgreSQL keeps them: a retried action is answered from the stored row, and must read the same
     * as the first answer.
     */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
