package uk.org.neglectexchange.escalation.escalation;

/** Why an escalation is at a stage: the stage history says how each stage began. */
public enum StageEntry {
    /** Raised at stage 1. */
    RAISED,
    /** Raised at a later stage, skipping earlier ones, with an urgency reason. */
    RAISED_URGENT,
    /** Escalated by a party, with a reason. */
    ESCALATED,
    /** The previous stage was not resolved by its deadline. */
    DEADLINE_PASSED
}
