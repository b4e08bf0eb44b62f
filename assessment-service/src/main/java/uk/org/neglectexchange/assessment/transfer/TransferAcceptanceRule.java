package uk.org.neglectexchange.assessment.transfer;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Only the receiving partnership's children's services accepts a transfer, and once: it takes the child on. The
 * sending partnership knows of the transfer (it asked) and is told 403; a third partnership is told nothing (404), as
 * for any child not its own.
 */
public final class TransferAcceptanceRule {

    static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";

    private TransferAcceptanceRule() {
    }

    public static void require(ChildTransfer transfer, String partnership, String agency) {
        if (transfer == null || !partnership.equals(transfer.toPartnership) && !partnership.equals(transfer.fromPartnership)) {
            throw ProblemException.notFound("No transfer with this id to or from your partnership");
        }
        if (!partnership.equals(transfer.toPartnership) || !CHILDRENS_SERVICES.equals(agency)) {
            throw ProblemException.forbidden("Only the receiving partnership's children's services accepts a transfer");
        }
        if (transfer.status != TransferStatus.REQUESTED) {
            throw ProblemException.conflict("The transfer was accepted at " + transfer.acceptedAt
                    + "; retry with the first request's Idempotency-Key to get its answer again");
        }
    }
}
