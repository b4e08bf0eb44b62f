package uk.org.neglectexchange.escalation.escalation;

import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;

/**
 * What becomes of a child's open escalation when the child moves to another partnership. It moves with the child and
 * runs under the receiving partnership's procedure from then on (procedure code, stage deadlines, business-team
 * notification), its current stage keeping its stage number and start, its deadline counted again from that start
 * with the receiving procedure's working days for the stage (a deadline shortened for the child's sake stays as
 * short, never lengthened past it). It is closed instead, with the reason recorded, when the receiving partnership's
 * procedure cannot take it: no procedure is known for that partnership yet (its edition has not arrived), or the
 * procedure has no deadline for the escalation's current stage.
 */
public final class TransferredEscalationRule {

    public enum ClosedReason {
        RECEIVING_PROCEDURE_UNKNOWN, STAGE_NOT_IN_RECEIVING_PROCEDURE
    }

    public sealed interface Decision {
    }

    /** Move under {@code procedure}. */
    public record Move(PartnershipProcedure procedure) implements Decision {
    }

    public record Close(ClosedReason reason) implements Decision {
    }

    private TransferredEscalationRule() {
    }

    public static Decision decide(Escalation escalation, PartnershipProcedure receiving) {
        if (receiving == null || receiving.stageDeadlineWorkingDays == null) {
            return new Close(ClosedReason.RECEIVING_PROCEDURE_UNKNOWN);
        }
        if (receiving.stageDeadlineWorkingDays.get(escalation.stage) == null) {
            return new Close(ClosedReason.STAGE_NOT_IN_RECEIVING_PROCEDURE);
        }
        return new Move(receiving);
    }

    /** The working days of the moved stage: the receiving procedure's, or the shortened ones if fewer. */
    public static Integer shortenedWorkingDays(EscalationStage current, int receivingDays) {
        return current.deadlineReason == null ? null : Math.min(current.deadlineWorkingDays, receivingDays);
    }
}
