package uk.org.neglectexchange.escalation.escalation;

/**
 * What a raiser says the escalation is. Only professional disagreements follow this procedure; the others have
 * their own routes, named in {@link EscalationScope}'s refusal.
 */
public enum EscalationType {
    PROFESSIONAL_DISAGREEMENT,
    COMPLAINT,
    CP_CONFERENCE_DECISION,
    SYSTEMIC_ISSUE
}
