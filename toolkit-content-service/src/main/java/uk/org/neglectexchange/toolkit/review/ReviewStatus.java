package uk.org.neglectexchange.toolkit.review;

/** Where a published edition stands against its annual review date (RULES.md D9). */
public enum ReviewStatus {
    /** More than the notice lead time before the review date. */
    CURRENT,
    /** Within the notice lead time, up to and including the review date. */
    DUE,
    /** Past the review date. */
    OVERDUE
}
