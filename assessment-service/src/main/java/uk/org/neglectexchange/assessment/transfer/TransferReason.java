package uk.org.neglectexchange.assessment.transfer;

/** Why a child's record moved to another partnership. */
public enum TransferReason {
    FAMILY_MOVED, CARE_PLACEMENT, OTHER
}
