package uk.org.neglectexchange.assessment.merge;

import java.time.OffsetDateTime;

/** The merge event on assessment-events: two references, never who the child is. */
public final class MergeEvents {

    private MergeEvents() {
    }

    public static final String MERGED = "child.merged";

    /** Every projection keyed by childRef moves what it holds for mergedChildRef to survivingChildRef. */
    public record Merged(String childRef, String partnership, String mergedChildRef, String survivingChildRef,
            OffsetDateTime mergedAt) {
    }
}
