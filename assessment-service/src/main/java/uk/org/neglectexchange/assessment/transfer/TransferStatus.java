package uk.org.neglectexchange.assessment.transfer;

/** A transfer waits for the receiving partnership (REQUESTED) until its children's services accepts it (ACCEPTED). */
public enum TransferStatus {
    REQUESTED, ACCEPTED
}
