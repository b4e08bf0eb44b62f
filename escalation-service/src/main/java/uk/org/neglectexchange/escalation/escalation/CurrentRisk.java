package uk.org.neglectexchange.escalation.escalation;

/** The raiser's view of the child's risk now; IMMEDIATE is what justifies skipping stages. */
public enum CurrentRisk {
    LOW,
    MEDIUM,
    HIGH,
    IMMEDIATE
}
