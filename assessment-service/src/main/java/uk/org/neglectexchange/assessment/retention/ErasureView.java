package uk.org.neglectexchange.assessment.retention;

import java.time.OffsetDateTime;

/** An erasure as its tombstone records it. */
public record ErasureView(String childRef, OffsetDateTime erasedAt, String erasedByClient, String erasedByPractitioner,
        RetentionClass retentionClass, String reason) {

    static ErasureView of(ChildTombstone tombstone) {
        return new ErasureView(tombstone.childRef, tombstone.erasedAt, tombstone.erasedByClient,
                tombstone.erasedByPractitioner, tombstone.retentionClass, tombstone.reason);
    }
}
