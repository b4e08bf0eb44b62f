package uk.org.neglectexchange.escalation.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import uk.org.neglectexchange.escalation.procedure.EditionPublished;

/** An escalation as its parties see it: the disagreement, each stage and each action. */
public record EscalationView(UUID id, String childRef, String partnership, EscalationType type, String raisedByAgency,
        String otherAgency, String disagreement, CurrentRisk currentRisk, String procedureCode, int stage,
        LocalDate deadline, EscalationStatus status, OffsetDateTime raisedAt, LocalDate resolvedOn, String resolvedBy,
        String resolvedByAgency, String outcome, List<StageView> stages, List<ActionView> actions, LocalDate closedOn,
        TransferredEscalationRule.ClosedReason closedReason, EditionPublished.Approach practiceApproach) {

    public record StageView(int stage, StageEntry enteredBecause, String issue, List<String> agencies,
            List<String> roles, String agreedAction, String outcome, LocalDate startedOn, int deadlineWorkingDays,
            String deadlineReason, LocalDate deadline, LocalDate endedOn, LocalDate deadlineBreachedOn) {

        static StageView of(EscalationStage s) {
            return new StageView(s.stage, s.enteredBecause, s.issue, s.agencies, s.roles, s.agreedAction, s.outcome,
                    s.startedOn, s.deadlineWorkingDays, s.deadlineReason, s.deadline, s.endedOn, s.deadlineBreachedOn);
        }
    }

    public record ActionView(UUID id, ActionKind action, int stage, String agency, String practitionerId, String role,
            String reason, String agreedAction, String outcome, String resolvedBy, String note, OffsetDateTime at) {

        static ActionView of(RecordedAction a) {
            return new ActionView(a.id, a.action, a.stage, a.agency, a.practitionerId, a.role, a.reason, a.agreedAction,
                    a.outcome, a.resolvedBy, a.note, a.at);
        }
    }

    /** The list entry: enough to pick one, without the history. */
    public record Summary(UUID id, String childRef, EscalationType type, String raisedByAgency, String otherAgency,
            CurrentRisk currentRisk, String procedureCode, int stage, LocalDate deadline, EscalationStatus status,
            OffsetDateTime raisedAt) {

        static Summary of(Escalation e) {
            return new Summary(e.id, e.childRef, e.type, e.raisedByAgency, e.otherAgency, e.currentRisk,
                    e.procedureCode, e.stage, e.deadline, e.status, e.raisedAt);
        }
    }

    /** A page of the list; {@code nextCursor} is absent on the last page. */
    public record Page(List<Summary> items, String nextCursor) {
    }

    static EscalationView of(Escalation e, List<EscalationStage> stages, List<RecordedAction> actions) {
        return new EscalationView(e.id, e.childRef, e.partnership, e.type, e.raisedByAgency, e.otherAgency,
                e.disagreement, e.currentRisk, e.procedureCode, e.stage, e.deadline, e.status, e.raisedAt, e.resolvedOn,
                e.resolvedBy, e.resolvedByAgency, e.outcome, stages.stream().map(StageView::of).toList(),
                actions.stream().map(ActionView::of).toList(), e.closedOn, e.closedReason, approach(e));
    }

    /** The practice approach the escalation serves, or null when its edition mapped none. */
    static EditionPublished.Approach approach(Escalation e) {
        return e.practiceApproach == null ? null
                : new EditionPublished.Approach(e.practiceApproach, e.practiceApproachName, e.guidanceLink);
    }
}
