package uk.org.neglectexchange.escalation.caseprojection;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated fact of a child's case. {@code refId} is the referral a decision decides, the assessment version a
 * completion or threshold change belongs to, or the transfer an acceptance accepts; levels only on a threshold change;
 * {@code partnership} and {@code dueOn} only on a transfer request (the receiving partnership, the day to accept by).
 */
public record CaseFact(UUID id, FactKind kind, UUID refId, LocalDate on, String agency, Integer fromLevel,
        Integer toLevel, UUID eventId, String partnership, LocalDate dueOn) {

    public CaseFact(UUID id, FactKind kind, UUID refId, LocalDate on, String agency, Integer fromLevel, Integer toLevel,
            UUID eventId) {
        this(id, kind, refId, on, agency, fromLevel, toLevel, eventId, null, null);
    }
}
