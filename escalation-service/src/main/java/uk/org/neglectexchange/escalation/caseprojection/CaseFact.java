package uk.org.neglectexchange.escalation.caseprojection;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated fact of a child's case. {@code refId} is the referral a decision decides, or the assessment version a
 * completion or threshold change belongs to; levels only on a threshold change.
 */
public record CaseFact(UUID id, FactKind kind, UUID refId, LocalDate on, String agency, Integer fromLevel,
        Integer toLevel, UUID eventId) {
}
