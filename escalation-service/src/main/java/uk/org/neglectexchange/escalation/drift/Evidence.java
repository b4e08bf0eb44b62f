package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.UUID;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;

/** One fact behind an alert: what it is, its id, the event that brought it and its date. No free text. */
public record Evidence(String kind, UUID id, UUID eventId, LocalDate on) {

    public static Evidence of(CaseFact fact) {
        return new Evidence(fact.kind().name(), fact.id(), fact.eventId(), fact.on());
    }
}
