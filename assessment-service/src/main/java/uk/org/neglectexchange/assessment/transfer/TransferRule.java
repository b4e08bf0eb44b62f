package uk.org.neglectexchange.assessment.transfer;

import java.util.Optional;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** A transfer goes to another partnership: moving a record to where it already is would only muddle its history. */
public final class TransferRule {

    private TransferRule() {
    }

    public static Optional<FieldError> breach(String currentPartnership, NewTransfer transfer) {
        return currentPartnership.equals(transfer.toPartnership())
                ? Optional.of(new FieldError("toPartnership", "must be another partnership than the child's current one"))
                : Optional.empty();
    }
}
