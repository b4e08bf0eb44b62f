package uk.org.neglectexchange.assessment.household;

/** Who a carer is to the child; an unborn baby's expected mother is MOTHER. */
public enum CarerRelationship {
    MOTHER, FATHER, STEP_PARENT, KINSHIP_CARER, FOSTER_CARER, OTHER
}
