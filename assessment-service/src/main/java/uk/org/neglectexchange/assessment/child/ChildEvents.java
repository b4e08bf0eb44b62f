package uk.org.neglectexchange.assessment.child;

import java.time.OffsetDateTime;

/** Data of the child events on assessment-events: a childRef and codes, never who the child is. */
public final class ChildEvents {

    private ChildEvents() {
    }

    public static final String REGISTERED = "child.registered";
    public static final String RECORD_ACCESSED = "child.record-accessed";
    public static final String BORN = "child.born";

    public record Registered(String childRef, String partnership, String leadAgency, AgeBand ageBand, OffsetDateTime registeredAt) {
    }

    /** An unborn baby was born: the new age band, never the date of birth or the NHS number. */
    public record Born(String childRef, String partnership, String leadAgency, AgeBand ageBand, String recordedByAgency,
            OffsetDateTime recordedAt) {
    }

    /** Tells the lead agency that another agency read the record, as CP-IS does. */
    public record RecordAccessed(String childRef, String partnership, String leadAgency, String accessingAgency,
            String accessingClient, AccessedResource resource, String purpose, OffsetDateTime accessedAt) {
    }
}
