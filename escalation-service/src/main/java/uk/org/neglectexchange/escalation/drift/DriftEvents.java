package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.outbox.Outbox;

/**
 * drift.detected and drift.cleared, written to the outbox with the alert they announce, keyed by childRef. Rule,
 * dates, ids and codes only: never an acknowledgement note (contracts in docs/events/drift.*.json).
 */
@ApplicationScoped
public class DriftEvents {

    public static final String DETECTED = "drift.detected";
    public static final String CLEARED = "drift.cleared";
    public static final String TRANSFERRED = "drift.transferred";

    public record Detected(UUID alertId, String rule, String childRef, String partnership, Severity severity,
            List<Evidence> evidence, String practiceApproach, String guidanceLink, LocalDate detectedOn) {
    }

    public record Cleared(UUID alertId, String rule, String childRef, String partnership, Severity severity,
            List<Evidence> evidence, String practiceApproach, String guidanceLink, LocalDate detectedOn, LocalDate clearedOn) {
    }

    /** An open alert moved with its child to the partnership that accepted it; {@code partnership} is the new one. */
    public record Transferred(UUID alertId, String rule, String childRef, String partnership, String fromPartnership,
            String toPartnership, Severity severity, AlertStatus status, LocalDate detectedOn, LocalDate transferredOn) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void detected(DriftAlert alert, List<Evidence> evidence) {
        append(DETECTED, alert, new Detected(alert.id, alert.rule, alert.childRef, alert.partnership, alert.severity,
                evidence, alert.practiceApproach, alert.guidanceLink, alert.raisedOn));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cleared(DriftAlert alert, List<Evidence> evidence) {
        append(CLEARED, alert, new Cleared(alert.id, alert.rule, alert.childRef, alert.partnership, alert.severity,
                evidence, alert.practiceApproach, alert.guidanceLink, alert.raisedOn, alert.clearedOn));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void transferred(DriftAlert alert, String fromPartnership, LocalDate on) {
        append(TRANSFERRED, alert, new Transferred(alert.id, alert.rule, alert.childRef, alert.partnership, fromPartnership,
                alert.partnership, alert.severity, alert.status, alert.raisedOn, on));
    }

    private void append(String type, DriftAlert alert, Object data) {
        String key = alert.childRef != null ? alert.childRef : alert.partnership;
        outbox.append(type, key, "drift-alert/" + alert.id, alert.partnership, data);
    }
}
