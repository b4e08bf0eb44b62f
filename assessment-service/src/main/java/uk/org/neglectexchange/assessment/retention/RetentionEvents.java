package uk.org.neglectexchange.assessment.retention;

import java.time.OffsetDateTime;

/** The tombstone event on assessment-events: a reference and when, never who the child was or the officer's words. */
public final class RetentionEvents {

    private RetentionEvents() {
    }

    public static final String ERASED = "child.erased";

    /** Every projection keyed by childRef deletes what it holds of the child (docs/events/child.erased.json). */
    public record Erased(String childRef, String partnership, OffsetDateTime erasedAt, RetentionClass retentionClass) {
    }
}
