package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.sensitivity.Redaction;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule;

/**
 * An entry as a client reads it; {@code supersededBy} names the correction when there is one. A reader who may not
 * read the summary at the entry's sharing level gets type, date and agency and a {@code redaction} saying why; a
 * rectified entry is its id and the redaction alone, but for the data protection officer, who reads it in full with
 * its {@code rectification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChronologyEntryView(UUID id, String childRef, EntryType type, LocalDate occurredOn, String summary,
        String agency, String practitionerId, OffsetDateTime recordedAt, UUID supersedes, UUID supersededBy,
        ReferralDecision decision, UUID referralId, ClosureReason closureReason, IncidentType incidentType,
        SharingLevel sharingLevel, Redaction redaction,
        @Schema(description = "Only to the data protection officer: why and when the entry was rectified") Rectification rectification) {

    /** A rectification as the data protection officer reads it. */
    public record Rectification(OffsetDateTime rectifiedAt, String rectifiedByAgency, String reason) {
    }

    static ChronologyEntryView of(ChronologyEntry e, UUID supersededBy, SharingLevelRule.Reader reader,
            ChronologyRectification rectified) {
        if (rectified != null && !reader.dataProtection()) {
            return new ChronologyEntryView(e.id, e.childRef, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, Redaction.rectified(rectified.rectifiedAt, rectified.agency), null);
        }
        Optional<Redaction> redaction = SharingLevelRule.redaction(e.sharingLevel, e.agency, reader);
        if (redaction.isPresent()) {
            return new ChronologyEntryView(e.id, e.childRef, e.type, e.occurredOn, null, e.agency, null, e.recordedAt,
                    e.supersedes, supersededBy, null, null, null, null, e.sharingLevel, redaction.get(), null);
        }
        Rectification rectification = rectified == null ? null
                : new Rectification(rectified.rectifiedAt, rectified.agency, rectified.reason);
        return new ChronologyEntryView(e.id, e.childRef, e.type, e.occurredOn, e.summary, e.agency, e.practitionerId,
                e.recordedAt, e.supersedes, supersededBy, e.decision, e.referralId, e.closureReason, e.incidentType,
                e.sharingLevel, null, rectification);
    }
}
