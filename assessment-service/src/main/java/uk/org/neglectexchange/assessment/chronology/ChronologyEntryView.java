package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entry as a client reads it; {@code supersededBy} names the correction when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChronologyEntryView(UUID id, String childRef, EntryType type, LocalDate occurredOn, String summary,
        String agency, String practitionerId, OffsetDateTime recordedAt, UUID supersedes, UUID supersededBy,
        ReferralDecision decision, UUID referralId, ClosureReason closureReason, IncidentType incidentType) {

    static ChronologyEntryView of(ChronologyEntry e, UUID supersededBy) {
        return new ChronologyEntryView(e.id, e.childRef, e.type, e.occurredOn, e.summary, e.agency, e.practitionerId,
                e.recordedAt, e.supersedes, supersededBy, e.decision, e.referralId, e.closureReason, e.incidentType);
    }
}
