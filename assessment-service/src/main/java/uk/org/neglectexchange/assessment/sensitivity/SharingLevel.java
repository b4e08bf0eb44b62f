package uk.org.neglectexchange.assessment.sensitivity;

/**
 * Who reads the text of a chronology entry or an assessment contribution within the child's partnership
 * ({@link SharingLevelRule}); everyone who may read the child's record still sees that the entry exists.
 */
public enum SharingLevel {
    /** The agencies involved with the child ({@link InvolvedAgencies}), children's services and the author's agency. */
    PARTNERSHIP,
    /** Children's services and the author's agency. */
    RESTRICTED,
    /** Police information processed under DPA 2018 Part 3: children's services and the police. */
    POLICE_PART3
}
