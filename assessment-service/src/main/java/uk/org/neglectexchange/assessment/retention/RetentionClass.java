package uk.org.neglectexchange.assessment.retention;

/** The retention classes of RULES.md a child's record falls in, and the erasure on instruction outside them. */
public enum RetentionClass {
    CHILD_IN_NEED, CHILD_PROTECTION, LOOKED_AFTER, NO_FURTHER_ACTION,
    /** Erased on the data protection officer's instruction, before its class's end. */
    DPO_INSTRUCTION
}
