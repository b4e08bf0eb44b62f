package uk.org.neglectexchange.assessment.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.assessment.retention.ChildTombstone;
import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * escalation-service's escalations and drift alerts as this service learns them from escalation-events
 * (V22: {@code summary_escalation}, {@code summary_drift_alert}): ids, stages, rules and dates per child. Each event is
 * applied once (inbox) by an upsert that reaches the same row in any arrival order: stages only go up, and a
 * resolution or clearance is kept whatever arrives after it.
 */
@ApplicationScoped
public class CaseAlerts {

    static final String CONSUMER = "child-summary";

    public record OpenEscalation(UUID escalationId, int stage, LocalDate deadline, String raisedByAgency, String otherAgency,
            LocalDate raisedOn) {
    }

    public record OpenDriftAlert(UUID alertId, String rule, String severity, LocalDate detectedOn) {
    }

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Transactional
    public void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        JsonNode d = event.data();
        // an escalation event still on its way when its child was erased: the summary's copy went with the record
        if (ChildTombstone.erased(d.path("childRef").asText(""))) {
            return;
        }
        switch (event.type()) {
            case "escalation.raised" -> stage(d, d.get("stage").asInt(),
                    OffsetDateTime.parse(d.get("raisedAt").asText()).toLocalDate());
            case "escalation.stage-changed" -> stage(d, d.get("toStage").asInt(), null);
            case "escalation.resolved" -> ended(d, date(d, "resolvedOn"));
            // closed when its child moved to a partnership whose procedure cannot take it: no longer open
            case "escalation.closed" -> ended(d, date(d, "closedOn"));
            // moved with its child: the receiving procedure's deadline from now on
            case "escalation.transferred" -> em.createNativeQuery(
                    "update summary_escalation set deadline = :deadline where escalation_id = :id")
                    .setParameter("deadline", date(d, "deadline"))
                    .setParameter("id", UUID.fromString(d.get("escalationId").asText())).executeUpdate();
            case "drift.detected" -> drift(d, null);
            case "drift.cleared" -> drift(d, date(d, "clearedOn"));
            default -> {
                // escalation.deadline-breached: a stage change follows when the escalation moves on; nothing else shown
            }
        }
    }

    public List<OpenEscalation> openEscalations(String childRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select escalation_id, stage, deadline, raised_by_agency, other_agency,"
                + " raised_on from summary_escalation where child_ref = :child and resolved_on is null"
                + " order by raised_on nulls last, escalation_id")
                .setParameter("child", childRef).getResultList();
        return rows.stream().map(r -> new OpenEscalation((UUID) r[0], ((Number) r[1]).intValue(), localDate(r[2]),
                (String) r[3], (String) r[4], localDate(r[5]))).toList();
    }

    public List<OpenDriftAlert> openDriftAlerts(String childRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select alert_id, rule, severity, detected_on from summary_drift_alert"
                + " where child_ref = :child and cleared_on is null order by detected_on, rule")
                .setParameter("child", childRef).getResultList();
        return rows.stream().map(r -> new OpenDriftAlert((UUID) r[0], (String) r[1], (String) r[2], localDate(r[3]))).toList();
    }

    /**
     * The highest stage seen is the current one, with its deadline; only escalation.raised knows the day it was raised
     * (no null is bound: PostgreSQL could not tell its type).
     */
    private void stage(JsonNode d, int stage, LocalDate raisedOn) {
        String raised = raisedOn == null ? "" : ", raised_on";
        var query = em.createNativeQuery("insert into summary_escalation (escalation_id, child_ref, raised_by_agency,"
                + " other_agency, stage, deadline" + raised + ") values (:id, :child, :raisedBy, :other, :stage, :deadline"
                + (raisedOn == null ? "" : ", :raisedOn") + ") on conflict (escalation_id) do update set"
                + " stage = greatest(summary_escalation.stage, excluded.stage),"
                + " deadline = case when excluded.stage >= summary_escalation.stage then excluded.deadline"
                + " else summary_escalation.deadline end"
                + (raisedOn == null ? "" : ", raised_on = excluded.raised_on"))
                .setParameter("id", UUID.fromString(d.get("escalationId").asText()))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("raisedBy", d.get("raisedByAgency").asText())
                .setParameter("other", d.get("otherAgency").asText())
                .setParameter("stage", stage)
                .setParameter("deadline", date(d, "deadline"));
        if (raisedOn != null) {
            query.setParameter("raisedOn", raisedOn);
        }
        query.executeUpdate();
    }

    private void ended(JsonNode d, LocalDate on) {
        em.createNativeQuery("insert into summary_escalation (escalation_id, child_ref, raised_by_agency, other_agency, stage,"
                + " resolved_on) values (:id, :child, :raisedBy, :other, :stage, :resolved)"
                + " on conflict (escalation_id) do update set resolved_on = excluded.resolved_on")
                .setParameter("id", UUID.fromString(d.get("escalationId").asText()))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("raisedBy", d.get("raisedByAgency").asText())
                .setParameter("other", d.get("otherAgency").asText())
                .setParameter("stage", d.get("stage").asInt())
                .setParameter("resolved", on).executeUpdate();
    }

    /** A partnership's alert (D9, no childRef) is no child's. A clearance is kept whatever arrives after it. */
    private void drift(JsonNode d, LocalDate clearedOn) {
        if (!d.hasNonNull("childRef")) {
            return;
        }
        var query = em.createNativeQuery("insert into summary_drift_alert (alert_id, child_ref, rule, severity, detected_on"
                + (clearedOn == null ? ") values (:id, :child, :rule, :severity, :detected) on conflict do nothing"
                        : ", cleared_on) values (:id, :child, :rule, :severity, :detected, :cleared)"
                                + " on conflict (alert_id) do update set cleared_on = excluded.cleared_on"))
                .setParameter("id", UUID.fromString(d.get("alertId").asText()))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("rule", d.get("rule").asText())
                .setParameter("severity", d.get("severity").asText())
                .setParameter("detected", date(d, "detectedOn"));
        if (clearedOn != null) {
            query.setParameter("cleared", clearedOn);
        }
        query.executeUpdate();
    }

    private static LocalDate date(JsonNode d, String field) {
        return d.hasNonNull(field) ? LocalDate.parse(d.get(field).asText()) : null;
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
