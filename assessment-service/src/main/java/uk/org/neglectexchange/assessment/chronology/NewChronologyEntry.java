package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;

/**
 * An entry an agency adds to a child's chronology. The agency is the caller's, from its token; {@code decision} and
 * {@code referralId} belong to a REFERRAL_DECISION, {@code closureReason} to a CLOSURE, {@code incidentType} to a
 * POLICE_ATTENDANCE the police record.
 */
public record NewChronologyEntry(
        @NotNull EntryType type,
        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 2000) String summary,
        UUID supersedes,
        ReferralDecision decision,
        UUID referralId,
        ClosureReason closureReason,
        // left out of the Idempotency-Key's fingerprint when absent, so a key stored before the field existed still matches
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only on a POLICE_ATTENDANCE recorded by the police: what kind of incident it was "
                + "(DOMESTIC_ABUSE tells the child's school under Operation Encompass)")
        IncidentType incidentType,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(implementation = SharingLevel.class, description = "Who reads the summary within the partnership "
                + "(README, sharing levels); absent: your agency's default (police POLICE_PART3, others PARTNERSHIP)")
        String sharingLevel) {

    /** The summary is free text about a child: never in logs. */
    @Override
    public String toString() {
        return "NewChronologyEntry[type=" + type + ", occurredOn=" + occurredOn + ", incidentType=" + incidentType
                + ", sharingLevel=" + sharingLevel + ", summary=redacted]";
    }
}
