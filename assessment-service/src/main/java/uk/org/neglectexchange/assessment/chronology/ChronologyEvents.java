package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.child.AgeBand;

/**
 * Data of the chronology events on assessment-events: ids, dates, agencies and codes, enough for the drift rules
 * (D1 referral decided within a working day, D4 re-referral after a closure, D7 concerns from several agencies) and
 * the notification rules (Operation Encompass: {@code incidentType} and the child's {@code ageBand}), never the
 * summary or who the child is (an age band, never the date of birth). {@code supersedes} appears only on a
 * correction, {@code incidentType} only when the police gave one.
 */
public final class ChronologyEvents {

    private ChronologyEvents() {
    }

    public static final String ENTRY_ADDED = "chronology.entry-added";
    public static final String REFERRAL_RECEIVED = "referral.received";
    public static final String REFERRAL_DECIDED = "referral.decided";
    public static final String CASE_CLOSED = "case.closed";
    public static final String ENTRY_RECTIFIED = "chronology.entry-rectified";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryAdded(UUID entryId, String childRef, String partnership, AgeBand ageBand, String agency,
            EntryType type, IncidentType incidentType, LocalDate occurredOn, OffsetDateTime recordedAt, UUID supersedes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralReceived(UUID referralId, String childRef, String partnership, String agency,
            LocalDate receivedOn, OffsetDateTime recordedAt, UUID supersedes) {
    }

    /** Carries the referral's receipt date too, so the D1 clock needs no other event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralDecided(UUID decisionId, UUID referralId, String childRef, String partnership, String agency,
            ReferralDecision decision, LocalDate receivedOn, LocalDate decidedOn, OffsetDateTime recordedAt, UUID supersedes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseClosed(UUID closureId, String childRef, String partnership, String agency, LocalDate closedOn,
            ClosureReason closureReason, OffsetDateTime recordedAt, UUID supersedes) {
    }

    /**
     * An entry was recorded against the wrong child and rectified: projections drop it (its counts, its alerts'
     * evidence, its notifications). The entry's agency, type and date say what to drop; never its text or the reason.
     */
    public record EntryRectified(UUID entryId, String childRef, String partnership, String agency, EntryType type,
            LocalDate occurredOn, OffsetDateTime rectifiedAt, String rectifiedByAgency) {
    }
}
