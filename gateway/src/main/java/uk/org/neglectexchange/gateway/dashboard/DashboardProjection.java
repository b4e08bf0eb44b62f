package uk.org.neglectexchange.gateway.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.erasure.ErasedChildren;
import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Writes the events the dashboard counts into its projection (V3__dashboard.sql): one row per child, assessment
 * version, level change, chronology entry, closure, neglect plan, alert, escalation and edition, keyed by its own id. Every write
 * is an upsert that reaches the same row whatever order the events arrive in, and the inbox skips a redelivery, so
 * counts taken at query time are never off by a duplicate or a reordering.
 */
@ApplicationScoped
public class DashboardProjection {

    static final String CONSUMER = "dashboard";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    ErasedChildren erasedChildren;

    @Transactional
    public void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        if (erasedChildren.about(event)) {
            return;
        }
        JsonNode d = event.data();
        switch (event.type()) {
            case ErasedChildren.ERASED -> erase(event);
            case "child.registered", "assessment.started", "referral.received", "referral.decided" -> child(d);
            case "child.transferred" -> transfer(d);
            case "child.merged" -> merge(d.get("mergedChildRef").asText(), d.get("survivingChildRef").asText());
            case "assessment.completed" -> completed(d, event.time());
            case "threshold.changed" -> levelChange(d);
            case "chronology.entry-added" -> chronologyEntry(d);
            case "chronology.entry-rectified" -> rectified(d);
            case "case.closed" -> closure(d);
            case "child.plan-started", "child.plan-ended" -> neglectPlan(d);
            case "drift.detected" -> driftDetected(d);
            case "drift.cleared" -> driftCleared(d);
            case "escalation.raised" -> escalationStage(d, d.get("stage").asInt(), date(d, "deadline"));
            case "escalation.stage-changed" -> escalationStage(d, d.get("toStage").asInt(), date(d, "deadline"));
            case "escalation.deadline-breached" -> escalationStage(d, d.get("stage").asInt(), date(d, "deadline"));
            case "escalation.resolved" -> escalationResolved(d);
            case "escalation.transferred" -> escalationTransferred(d);
            case "escalation.closed" -> escalationClosed(d);
            case "drift.transferred" -> driftTransferred(d);
            case "toolkit.edition.published" -> edition(d, null);
            case "toolkit.review.due" -> edition(d, "due_notice");
            case "toolkit.review.overdue" -> edition(d, "overdue_notice");
            default -> {
                // child.record-accessed and any later type: nothing the dashboard counts
            }
        }
        childOfAlertOrEscalation(d);
    }

    /** Which child an alert or escalation is about, so that the child's erasure finds it. */
    private void childOfAlertOrEscalation(JsonNode d) {
        String childRef = d.path("childRef").asText(null);
        if (childRef == null) {
            return;
        }
        if (d.hasNonNull("alertId")) {
            em.createNativeQuery("update dashboard_drift_alert set child_ref = :child where alert_id = :id and child_ref is null")
                    .setParameter("child", childRef).setParameter("id", uuid(d, "alertId")).executeUpdate();
        }
        if (d.hasNonNull("escalationId")) {
            em.createNativeQuery("update dashboard_escalation set child_ref = :child where escalation_id = :id"
                    + " and child_ref is null").setParameter("child", childRef).setParameter("id", uuid(d, "escalationId"))
                    .executeUpdate();
        }
    }

    /** The tombstone: the child leaves every count, as if never projected. */
    private void erase(ReceivedEvent event) {
        String childRef = ErasedChildren.erasedBy(event);
        for (String table : List.of("dashboard_assessment", "dashboard_level_change", "dashboard_chronology_entry",
                "dashboard_case_closure", "dashboard_neglect_plan", "dashboard_drift_alert", "dashboard_escalation",
                "dashboard_child")) {
            em.createNativeQuery("delete from " + table + " where child_ref = :child").setParameter("child", childRef)
                    .executeUpdate();
        }
        erasedChildren.remember(event);
    }

    /** The child's partnership as first seen; only a transfer moves it afterwards. */
    private void child(JsonNode d) {
        em.createNativeQuery("insert into dashboard_child (child_ref, partnership) values (:child, :partnership)"
                + " on conflict do nothing")
                .setParameter("child", d.get("childRef").asText())
                .setParameter("partnership", d.get("partnership").asText()).executeUpdate();
    }

    /** The newest transfer wins, so an older one arriving late cannot move the child back. */
    private void transfer(JsonNode d) {
        em.createNativeQuery("insert into dashboard_child (child_ref, partnership, partnership_since)"
                + " values (:child, :partnership, :at) on conflict (child_ref) do update"
                + " set partnership = excluded.partnership, partnership_since = excluded.partnership_since"
                + " where dashboard_child.partnership_since is null or dashboard_child.partnership_since < excluded.partnership_since")
                .setParameter("child", d.get("childRef").asText())
                .setParameter("partnership", d.get("toPartnership").asText())
                .setParameter("at", OffsetDateTime.parse(d.get("transferredAt").asText())).executeUpdate();
    }

    /** A duplicate record merged into the surviving one: one child, counted once, with the duplicate's history. */
    private void merge(String mergedRef, String survivingRef) {
        for (String table : List.of("dashboard_assessment", "dashboard_level_change", "dashboard_chronology_entry", "rectified_entry",
                "dashboard_case_closure")) {
            em.createNativeQuery("update " + table + " set child_ref = :surviving where child_ref = :merged")
                    .setParameter("surviving", survivingRef).setParameter("merged", mergedRef).executeUpdate();
        }
        em.createNativeQuery("delete from dashboard_child where child_ref = :merged").setParameter("merged", mergedRef)
                .executeUpdate();
    }

    /** The CloudEvent's time orders two completions of one child on the same day. */
    private void completed(JsonNode d, OffsetDateTime time) {
        child(d);
        List<String> agencies = new ArrayList<>();
        d.get("contributingAgencies").forEach(agency -> agencies.add(agency.asText()));
        em.createNativeQuery("insert into dashboard_assessment (assessment_id, series_id, child_ref, partnership,"
                + " completed_on, completed_at, version, primary_category, threshold_level, contributing_agencies)"
                + " values (:id, :series, :child, :partnership, :on, :at, :version, :category, :level, cast(:agencies as text[]))"
                + " on conflict do nothing")
                .setParameter("id", uuid(d, "assessmentId"))
                .setParameter("series", uuid(d, "seriesId"))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("on", date(d, "completedOn"))
                // without a ce_time the day itself orders it; within a day the version breaks ties
                .setParameter("at", time != null ? time : date(d, "completedOn").atStartOfDay().atOffset(ZoneOffset.UTC))
                .setParameter("version", d.get("version").asInt())
                .setParameter("category", d.get("primaryCategory").asText())
                .setParameter("level", d.get("thresholdLevel").asInt())
                .setParameter("agencies", textArray(agencies)).executeUpdate();
    }

    private void levelChange(JsonNode d) {
        child(d);
        JsonNode from = d.get("fromLevel");
        em.createNativeQuery("insert into dashboard_level_change (assessment_id, child_ref, partnership, from_level,"
                + " to_level, changed_on) values (:id, :child, :partnership, cast(:from as integer), :to, :on) on conflict do nothing")
                .setParameter("id", uuid(d, "assessmentId"))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("from", from == null || from.isNull() ? null : from.asInt())
                .setParameter("to", d.get("toLevel").asInt())
                .setParameter("on", date(d, "changedOn")).executeUpdate();
    }

    /** An entry recorded against the wrong child: no longer counted, as an entry or as a closure, and never again. */
    private void rectified(JsonNode d) {
        UUID id = uuid(d, "entryId");
        em.createNativeQuery("insert into rectified_entry (entry_id, child_ref) values (:id, :child) on conflict do nothing")
                .setParameter("id", id).setParameter("child", d.get("childRef").asText()).executeUpdate();
        em.createNativeQuery("delete from dashboard_chronology_entry where entry_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from dashboard_case_closure where closure_id = :id").setParameter("id", id).executeUpdate();
    }

    private boolean rectified(UUID entryId) {
        return !em.createNativeQuery("select 1 from rectified_entry where entry_id = :id").setParameter("id", entryId)
                .getResultList().isEmpty();
    }

    private void chronologyEntry(JsonNode d) {
        child(d);
        if (rectified(uuid(d, "entryId"))) {
            return;
        }
        em.createNativeQuery("insert into dashboard_chronology_entry (entry_id, child_ref, partnership, agency, supersedes)"
                + " values (:id, :child, :partnership, :agency, cast(:supersedes as uuid)) on conflict do nothing")
                .setParameter("id", uuid(d, "entryId"))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("agency", d.get("agency").asText())
                .setParameter("supersedes", d.hasNonNull("supersedes") ? uuid(d, "supersedes") : null).executeUpdate();
    }

    private void closure(JsonNode d) {
        child(d);
        if (rectified(uuid(d, "closureId"))) {
            return;
        }
        em.createNativeQuery("insert into dashboard_case_closure (closure_id, child_ref, closed_on)"
                + " values (:id, :child, :on) on conflict do nothing")
                .setParameter("id", uuid(d, "closureId"))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("on", date(d, "closedOn")).executeUpdate();
    }

    /**
     * Only child protection plans for neglect are counted. The end carries the start too, so an end that overtook
     * its start writes the whole row, and the start arriving later leaves the end alone.
     */
    private void neglectPlan(JsonNode d) {
        child(d);
        if (!"CHILD_PROTECTION".equals(d.get("kind").asText()) || !"NEGLECT".equals(d.path("category").asText())) {
            return;
        }
        em.createNativeQuery("insert into dashboard_neglect_plan (plan_id, child_ref, start_date, end_date)"
                + " values (:id, :child, :start, cast(:end as date))"
                + " on conflict (plan_id) do update set end_date = coalesce(excluded.end_date, dashboard_neglect_plan.end_date)")
                .setParameter("id", uuid(d, "planId"))
                .setParameter("child", d.get("childRef").asText())
                .setParameter("start", date(d, "startDate"))
                .setParameter("end", d.hasNonNull("endDate") ? date(d, "endDate") : null).executeUpdate();
    }

    /** A clearance that arrived first has already written the row; detection then leaves cleared_on alone. */
    private void driftDetected(JsonNode d) {
        em.createNativeQuery("insert into dashboard_drift_alert (alert_id, partnership, rule, detected_on)"
                + " values (:id, :partnership, :rule, :detected) on conflict do nothing")
                .setParameter("id", uuid(d, "alertId"))
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("rule", d.get("rule").asText())
                .setParameter("detected", date(d, "detectedOn")).executeUpdate();
    }

    private void driftCleared(JsonNode d) {
        em.createNativeQuery("insert into dashboard_drift_alert (alert_id, partnership, rule, detected_on, cleared_on)"
                + " values (:id, :partnership, :rule, :detected, :cleared)"
                + " on conflict (alert_id) do update set cleared_on = excluded.cleared_on")
                .setParameter("id", uuid(d, "alertId"))
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("rule", d.get("rule").asText())
                .setParameter("detected", date(d, "detectedOn"))
                .setParameter("cleared", date(d, "clearedOn")).executeUpdate();
    }

    /** Stages only go up, so the highest stage seen, with its deadline, is the current one in any arrival order. */
    private void escalationStage(JsonNode d, int stage, LocalDate deadline) {
        em.createNativeQuery("insert into dashboard_escalation (escalation_id, partnership, stage, deadline)"
                + " values (:id, :partnership, :stage, :deadline) on conflict (escalation_id) do update"
                + " set stage = excluded.stage, deadline = excluded.deadline, partnership = excluded.partnership"
                + " where dashboard_escalation.stage < excluded.stage or dashboard_escalation.deadline is null")
                .setParameter("id", uuid(d, "escalationId"))
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("stage", stage)
                .setParameter("deadline", deadline).executeUpdate();
    }

    private void escalationResolved(JsonNode d) {
        em.createNativeQuery("insert into dashboard_escalation (escalation_id, partnership, stage, resolved_on)"
                + " values (:id, :partnership, :stage, :resolved) on conflict (escalation_id) do update"
                + " set resolved_on = excluded.resolved_on")
                .setParameter("id", uuid(d, "escalationId"))
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("stage", d.get("stage").asInt())
                .setParameter("resolved", date(d, "resolvedOn")).executeUpdate();
    }

    /** An escalation moved with its child: the receiving partnership counts it, to its new deadline. */
    private void escalationTransferred(JsonNode d) {
        em.createNativeQuery("insert into dashboard_escalation (escalation_id, partnership, stage, deadline)"
                + " values (:id, :partnership, :stage, :deadline) on conflict (escalation_id) do update"
                + " set partnership = excluded.partnership, deadline = excluded.deadline"
                + " where dashboard_escalation.stage = excluded.stage")
                .setParameter("id", uuid(d, "escalationId"))
                .setParameter("partnership", d.get("toPartnership").asText())
                .setParameter("stage", d.get("stage").asInt())
                .setParameter("deadline", date(d, "deadline")).executeUpdate();
    }

    /** Closed as its child moved: no longer open, as a resolved one. */
    private void escalationClosed(JsonNode d) {
        em.createNativeQuery("insert into dashboard_escalation (escalation_id, partnership, stage, resolved_on)"
                + " values (:id, :partnership, :stage, :closed) on conflict (escalation_id) do update"
                + " set resolved_on = excluded.resolved_on")
                .setParameter("id", uuid(d, "escalationId"))
                .setParameter("partnership", d.get("partnership").asText())
                .setParameter("stage", d.get("stage").asInt())
                .setParameter("closed", date(d, "closedOn")).executeUpdate();
    }

    /** A drift alert moved with its child: the receiving partnership counts it from now on. */
    private void driftTransferred(JsonNode d) {
        em.createNativeQuery("insert into dashboard_drift_alert (alert_id, partnership, rule, detected_on)"
                + " values (:id, :partnership, :rule, :detected)"
                + " on conflict (alert_id) do update set partnership = excluded.partnership")
                .setParameter("id", uuid(d, "alertId"))
                .setParameter("partnership", d.get("toPartnership").asText())
                .setParameter("rule", d.get("rule").asText())
                .setParameter("detected", date(d, "detectedOn")).executeUpdate();
    }

    /** One row per partnership the edition serves; a review notice also marks which notice it has had. */
    private void edition(JsonNode d, String notice) {
        for (JsonNode partnership : d.get("partnerships")) {
            em.createNativeQuery("insert into dashboard_toolkit_edition (partnership, family, version, published_at,"
                    + " review_due_on" + (notice == null ? "" : ", " + notice) + ") values (:partnership, :family, :version,"
                    + " :published, :due" + (notice == null ? "" : ", true") + ") on conflict (partnership, family, version) do"
                    + (notice == null ? " nothing" : " update set " + notice + " = true"))
                    .setParameter("partnership", partnership.asText())
                    .setParameter("family", d.get("family").asText())
                    .setParameter("version", d.get("version").asText())
                    .setParameter("published", OffsetDateTime.parse(d.get("publishedAt").asText()))
                    .setParameter("due", date(d, "reviewDueOn")).executeUpdate();
        }
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.get(field).asText());
    }

    private static LocalDate date(JsonNode d, String field) {
        return LocalDate.parse(d.get(field).asText());
    }

    /** A PostgreSQL array literal; agency codes are quoted so a comma or brace in one cannot split it. */
    private static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
