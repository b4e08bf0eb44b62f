package uk.org.neglectexchange.assessment.merge;

import java.time.OffsetDateTime;

/** A merge as its record shows it: the reason is children's services' own words about the records, not the child. */
public record MergeView(String mergedChildRef, String survivingChildRef, String reason, OffsetDateTime mergedAt,
        String mergedByAgency, String mergedByPractitioner, Moved moved) {

    /** How much of the duplicate's record now belongs to the surviving one. */
    public record Moved(int chronologyEntries, int assessments, int levelChanges, int householdLinks) {
    }

    static MergeView of(ChildMerge merge) {
        return new MergeView(merge.mergedRef, merge.survivingRef, merge.reason, merge.mergedAt, merge.mergedByAgency,
                merge.mergedByPractitioner, new Moved(merge.chronologyEntries, merge.assessments, merge.levelChanges,
                        merge.householdLinks));
    }
}
