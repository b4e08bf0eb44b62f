package uk.org.neglectexchange.assessment.child;

/**
 * What part of a child's record another agency read, as {@code resource} on {@code child.record-accessed}: the lead
 * agency learns what was seen, not only that something was.
 */
public enum AccessedResource {
    /** The child: {@code GET /children/{childRef}}. */
    RECORD,
    /** The chronology, a page of it or one entry. */
    CHRONOLOGY,
    /** An assessment, any version. */
    ASSESSMENT,
    /** The child's siblings and carers. */
    HOUSEHOLD,
    /** The history of the child's level of need ({@code threshold-history}). */
    LEVEL_HISTORY,
    /** The child's summary: level, open assessment, escalations, drift alerts, agencies involved. */
    SUMMARY,
    /** The child's plans (early help, child in need, child protection, looked after). */
    PLANS
}
