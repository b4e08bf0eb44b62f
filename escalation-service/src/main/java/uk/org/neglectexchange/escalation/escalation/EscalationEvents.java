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
    public static final String TRANSFERRED = "escalation.transferred";
    public static final String CLOSED = "escalation.closed";

    public record Raised(UUID escalationId, String childRef, String partnership, EscalationType type,
            String raisedByAgency, String otherAgency, CurrentRisk currentRisk, String procedureCode, int stage,
            boolean stagesSkipped, LocalDate stageStartedOn, LocalDate deadline, boolean deadlineShortened,
            boolean notifyBusinessTeam, OffsetDateTime raisedAt, String practiceApproach, String guidanceLink) {
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

    /** Moved with its child: {@code partnership} is the receiving one, the current stage's deadline is its procedure's. */
    public record Transferred(UUID escalationId, String childRef, String partnership, String fromPartnership,
            String toPartnership, String raisedByAgency, String otherAgency, String procedureCode, int stage,
            LocalDate stageStartedOn, LocalDate deadline, boolean deadlineShortened, boolean notifyBusinessTeam,
            LocalDate transferredOn) {
    }

    /** Closed as its child moved to {@code toPartnership}, whose procedure could not take it ({@code reason}). */
    public record Closed(UUID escalationId, String childRef, String partnership, String toPartnership,
            String raisedByAgency, String otherAgency, int stage, LocalDate closedOn,
            TransferredEscalationRule.ClosedReason reason) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Event<CaseChanged> caseChanged;

    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(Escalation e, EscalationStage stage) {
        append(RAISED, e, new Raised(e.id, e.childRef, e.partnership, e.type, e.raisedByAgency, e.otherAgency,
                e.currentRisk, e.procedureCode, e.stage, e.stage > StageOrder.FIRST, stage.startedOn, stage.deadline,
                stage.deadlineReason != null, e.notifiesBusinessTeam(), e.raisedAt, e.practiceApproach, e.guidanceLink));
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void transferred(Escalation e, EscalationStage current, String fromPartnership, LocalDate on) {
        append(TRANSFERRED, e, new Transferred(e.id, e.childRef, e.partnership, fromPartnership, e.partnership,
                e.raisedByAgency, e.otherAgency, e.procedureCode, e.stage, current.startedOn, current.deadline,
                current.deadlineReason != null, e.notifiesBusinessTeam(), on));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Escalation e, String toPartnership) {
        append(CLOSED, e, new Closed(e.id, e.childRef, e.partnership, toPartnership, e.raisedByAgency, e.otherAgency,
                e.stage, e.closedOn, e.closedReason));
    }

    private void append(String type, Escalation e, Object data) {
        outbox.append(type, e.childRef, "escalation/" + e.id, e.partnership, data);
        // D8: an overdue stage raises a drift alert, and the resolution clears it, as the child's drift is next evaluated
        caseChanged.fire(new CaseChanged(e.childRef));
    }
}
