package uk.org.neglectexchange.escalation.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.escalation.caseprojection.CaseChanged;
import uk.org.neglectexchange.platform.outbox.Outbox;

/**
 * The escalation events, written to the outbox with the change they announce, keyed by childRef so one child's
 * events stay in order. They carry ids, codes, stages, dates and flags only: never the disagreement, a reason, an
 * outcome or a person's name (contracts in docs/events/escalation.*.json).
 */
@ApplicationScoped
public class EscalationEvents {

    public static final String RAISED = "escalation.raised";
    public static final String STAGE_CHANGED = "escalation.stage-changed";
    public static final String DEADLINE_BREACHED = "escalation.deadline-breached";
    public static final String RESOLVED = "escalation.resolved";

    public record Raised(UUID escalationId, String childRef, String partnership, EscalationType type,
            String raisedByAgency, String otherAgency, CurrentRisk currentRisk, String procedureCode, int stage,
            boolean stagesSkipped, LocalDate stageStartedOn, LocalDate deadline, boolean deadlineShortened,
            boolean notifyBusinessTeam, OffsetDateTime raisedAt) {
    }

    public record StageChanged(UUID escalationId, String childRef, String partnership, String raisedByAgency,
            String otherAgency, int fromStage, int toStage, StageEntry cause, LocalDate stageStartedOn,
            LocalDate deadline, boolean deadlineShortened, boolean notifyBusinessTeam) {
    }

    public record DeadlineBreached(UUID escalationId, String childRef, String partnership, String raisedByAgency,
            String otherAgency, int stage, LocalDate deadline, LocalDate breachedOn, Integer escalatedToStage,
            boolean reportedToPartnership, boolean notifyBusinessTeam) {
    }

    public record Resolved(UUID escalationId, String childRef, String partnership, String raisedByAgency,
            String otherAgency, int stage, LocalDate resolvedOn, String resolvedByAgency, boolean notifyBusinessTeam) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Event<CaseChanged> caseChanged;

    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(Escalation e, EscalationStage stage) {
        append(RAISED, e, new Raised(e.id, e.childRef, e.partnership, e.type, e.raisedByAgency, e.otherAgency,
                e.currentRisk, e.procedureCode, e.stage, e.stage > StageOrder.FIRST, stage.startedOn, stage.deadline,
                stage.deadlineReason != null, e.notifiesBusinessTeam(), e.raisedAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stageChanged(Escalation e, int fromStage, EscalationStage stage) {
        append(STAGE_CHANGED, e, new StageChanged(e.id, e.childRef, e.partnership, e.raisedByAgency, e.otherAgency,
                fromStage, stage.stage, stage.enteredBecause, stage.startedOn, stage.deadline,
                stage.deadlineReason != null, e.notifiesBusinessTeam()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineBreached(Escalation e, EscalationStage overdue, Integer escalatedToStage) {
        append(DEADLINE_BREACHED, e, new DeadlineBreached(e.id, e.childRef, e.partnership, e.raisedByAgency,
                e.otherAgency, overdue.stage, overdue.deadline, overdue.deadlineBreachedOn, escalatedToStage,
                escalatedToStage == null, e.notifiesBusinessTeam()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(Escalation e) {
        append(RESOLVED, e, new Resolved(e.id, e.childRef, e.partnership, e.raisedByAgency, e.otherAgency, e.stage,
                e.resolvedOn, e.resolvedByAgency, e.notifiesBusinessTeam()));
    }

    private void append(String type, Escalation e, Object data) {
        outbox.append(type, e.childRef, "escalation/" + e.id, e.partnership, data);
        // D8: an overdue stage raises a drift alert, and the resolution clears it, in this same transaction
        caseChanged.fire(new CaseChanged(e.childRef));
    }
}
