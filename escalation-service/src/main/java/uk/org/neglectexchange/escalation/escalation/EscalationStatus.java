package uk.org.neglectexchange.escalation.escalation;

public enum EscalationStatus {
    OPEN,
    RESOLVED
}
