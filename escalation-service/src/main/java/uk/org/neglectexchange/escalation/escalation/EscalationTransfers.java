package uk.org.neglectexchange.escalation.escalation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.escalation.caseprojection.ChildTransferred;
import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;

/**
 * When a child moves partnership (child.transferred accepted), its open escalations move with it or are closed, as
 * {@link TransferredEscalationRule} decides, in the transaction that projects the transfer: each change audited and
 * announced (escalation.transferred, escalation.closed) so the projections follow.
 */
@ApplicationScoped
public class EscalationTransfers {

    @Inject
    EscalationDeadlines deadlines;

    @Inject
    EscalationEvents events;

    @Inject
    Audit audit;

    @Transactional(Transactional.TxType.MANDATORY)
    void onChildTransferred(@Observes ChildTransferred transfer) {
        PartnershipProcedure receiving = PartnershipProcedure.findById(transfer.toPartnership());
        List<Escalation> open = Escalation.<Escalation>find("childRef = ?1 and status = ?2 and partnership <> ?3",
                transfer.childRef(), EscalationStatus.OPEN, transfer.toPartnership())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Escalation e : open) {
            switch (TransferredEscalationRule.decide(e, receiving)) {
                case TransferredEscalationRule.Move move -> move(e, move.procedure(), transfer);
                case TransferredEscalationRule.Close close -> close(e, close.reason(), transfer);
            }
        }
    }

    private void move(Escalation e, PartnershipProcedure receiving, ChildTransferred transfer) {
        String from = e.partnership;
        EscalationStage current = EscalationStage.current(e);
        int receivingDays = receiving.stageDeadlineWorkingDays.get(e.stage);
        EscalationDeadlines.StageDeadline deadline = deadlines.forStage(receiving.stageDeadlineWorkingDays, e.stage,
                current.startedOn, TransferredEscalationRule.shortenedWorkingDays(current, receivingDays),
                current.deadlineReason);
        e.partnership = receiving.partnership;
        e.procedureCode = receiving.procedureCode;
        e.stageDeadlineWorkingDays = receiving.stageDeadlineWorkingDays;
        e.businessTeamNotifiedFromStage = receiving.businessTeamNotifiedFromStage;
        e.deadline = deadline.deadline();
        current.deadlineWorkingDays = deadline.workingDays();
        current.deadline = deadline.deadline();
        audit.recordApplied("escalation.transfer", e.childRef, e.partnership);
        events.transferred(e, current, from, transfer.transferredOn());
    }

    private void close(Escalation e, TransferredEscalationRule.ClosedReason reason, ChildTransferred transfer) {
        EscalationStage current = EscalationStage.current(e);
        current.endedOn = transfer.transferredOn();
        e.status = EscalationStatus.CLOSED;
        e.closedOn = transfer.transferredOn();
        e.closedReason = reason;
        audit.recordApplied("escalation.close-on-transfer", e.childRef, e.partnership);
        events.closed(e, transfer.toPartnership());
    }
}
