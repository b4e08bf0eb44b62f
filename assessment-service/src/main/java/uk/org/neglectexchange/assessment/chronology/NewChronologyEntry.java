package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An entry an agency adds to a child's chronology. The agency is the caller's, from its token; {@code decision} and
 * {@code referralId} belong to a REFERRAL_DECISION, {@code closureReason} to a CLOSURE.
 */
public record NewChronologyEntry(
        @NotNull EntryType type,
        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 2000) String summary,
        UUID supersedes,
        ReferralDecision decision,
        UUID referralId,
        ClosureReason closureReason) {

    /** The summary is free text about a child: never in logs. */
    @Override
    public String toString() {
        return "NewChronologyEntry[type=" + type + ", occurredOn=" + occurredOn + ", summary=redacted]";
    }
}
