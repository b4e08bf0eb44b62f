package uk.org.neglectexchange.escalation.escalation;

/** CLOSED: its child moved to a partnership whose procedure could not take it ({@link TransferredEscalationRule}). */
public enum EscalationStatus {
    OPEN,
    RESOLVED,
    CLOSED
}
