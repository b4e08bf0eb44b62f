package uk.org.neglectexchange.assessment.household;

/** How two children of one household are related; each reads the same both ways. */
public enum SiblingRelationship {
    SIBLING, HALF_SIBLING, STEP_SIBLING
}
