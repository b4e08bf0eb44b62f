package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * What a new chronology entry must satisfy beyond its shape: it happened no later than today; a REFERRAL_DECISION
 * names its decision and the current (not superseded) REFERRAL of this child it decides; a CLOSURE gives its
 * reason, and no other type carries those fields; an incident type belongs to a POLICE_ATTENDANCE the police
 * record; a correction supersedes an entry of this child that has not been corrected already, recorded by the same
 * agency (each agency answers for its own record).
 */
public final class ChronologyEntryRule {

    /** An earlier entry of the same child, and whether a correction has already superseded it. */
    public record Earlier(ChronologyEntry entry, boolean superseded) {
    }

    /** The agency code (token claim {@code agency}) of police clients. */
    static final String POLICE = "POLICE";

    private ChronologyEntryRule() {
    }

    /** {@code supersedes} and {@code referral} are empty when the id given is not an entry of this child. */
    public static List<FieldError> breaches(NewChronologyEntry entry, String agency, LocalDate today,
            Optional<Earlier> supersedes, Optional<Earlier> referral) {
        List<FieldError> errors = new ArrayList<>();
        if (entry.occurredOn().isAfter(today)) {
            errors.add(new FieldError("occurredOn", "is in the future: record what has happened"));
        }
        boolean decision = entry.type() == EntryType.REFERRAL_DECISION;
        if (decision && entry.decision() == null) {
            errors.add(new FieldError("decision", "is required for a REFERRAL_DECISION"));
        }
        if (!decision && entry.decision() != null) {
            errors.add(new FieldError("decision", "belongs to a REFERRAL_DECISION only"));
        }
        if (decision && entry.referralId() == null) {
            errors.add(new FieldError("referralId", "is required for a REFERRAL_DECISION: the REFERRAL entry it decides"));
        } else if (!decision && entry.referralId() != null) {
            errors.add(new FieldError("referralId", "belongs to a REFERRAL_DECISION only"));
        } else if (decision) {
            referralBreach(entry, referral).ifPresent(errors::add);
        }
        boolean closure = entry.type() == EntryType.CLOSURE;
        if (closure && entry.closureReason() == null) {
            errors.add(new FieldError("closureReason", "is required for a CLOSURE"));
        } else if (!closure && entry.closureReason() != null) {
            errors.add(new FieldError("closureReason", "belongs to a CLOSURE only"));
        }
        if (entry.incidentType() != null && entry.type() != EntryType.POLICE_ATTENDANCE) {
            errors.add(new FieldError("incidentType", "belongs to a POLICE_ATTENDANCE only"));
        } else if (entry.incidentType() != null && !POLICE.equals(agency)) {
            errors.add(new FieldError("incidentType", "is recorded by the police only: the agency that attended"));
        }
        if (entry.supersedes() != null) {
            supersedesBreach(agency, supersedes).ifPresent(errors::add);
        }
        return errors;
    }

    private static Optional<FieldError> referralBreach(NewChronologyEntry entry, Optional<Earlier> referral) {
        if (referral.isEmpty() || referral.get().entry().type != EntryType.REFERRAL) {
            return Optional.of(new FieldError("referralId", "is not a REFERRAL entry of this child"));
        }
        if (referral.get().superseded()) {
            return Optional.of(new FieldError("referralId", "names a referral that was corrected: decide its correction"));
        }
        if (entry.occurredOn().isBefore(referral.get().entry().occurredOn)) {
            return Optional.of(new FieldError("occurredOn", "is before the referral it decides was received"));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> supersedesBreach(String agency, Optional<Earlier> supersedes) {
        if (supersedes.isEmpty()) {
            return Optional.of(new FieldError("supersedes", "is not an entry of this child"));
        }
        if (supersedes.get().superseded()) {
            return Optional.of(new FieldError("supersedes", "names an entry already corrected: supersede its correction"));
        }
        if (!supersedes.get().entry().agency.equals(agency)) {
            return Optional.of(new FieldError("supersedes", "names another agency's entry: only the agency that recorded it can correct it"));
        }
        return Optional.empty();
    }
}
