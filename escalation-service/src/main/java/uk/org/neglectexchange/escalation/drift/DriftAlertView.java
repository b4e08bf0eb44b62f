package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it: its rule, child, evidence and the practice approach it serves, with a link to its
 * guidance (none when the edition it was raised under mapped no approach to its rule).
 */
public record DriftAlertView(UUID id, String rule, String childRef, String partnership, Severity severity,
        AlertStatus status, List<Evidence> evidence, String practiceApproach, String practiceApproachName, String guidanceLink,
        OffsetDateTime raisedAt, LocalDate raisedOn, OffsetDateTime clearedAt, LocalDate clearedOn,
        String acknowledgedBy, OffsetDateTime acknowledgedAt, String acknowledgementNote) {

    public record Page(List<DriftAlertView> items, String nextCursor) {
    }

    static DriftAlertView of(DriftAlert a, List<Evidence> evidence) {
        return new DriftAlertView(a.id, a.rule, a.childRef, a.partnership, a.severity, a.status, evidence,
                a.practiceApproach, a.practiceApproachName, a.guidanceLink, a.raisedAt, a.raisedOn, a.clearedAt, a.clearedOn,
                a.acknowledgedBy, a.acknowledgedAt, a.acknowledgementNote);
    }
}
