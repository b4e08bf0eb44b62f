package uk.org.neglectexchange.assessment.plan;

/** The statutory (and early-help) plans children's services record for a child. */
public enum PlanKind {
    EARLY_HELP, CHILD_IN_NEED, CHILD_PROTECTION, LOOKED_AFTER
}
