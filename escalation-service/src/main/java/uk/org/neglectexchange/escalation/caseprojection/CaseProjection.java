package uk.org.neglectexchange.escalation.caseprojection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Projects assessment-events into each child's case: a fact per referral, decision, closure, concern, plan review,
 * assessment start and completion and threshold change, transfer request and acceptance, child protection plan for
 * neglect (start and end), and the child's partnership; a chronology entry rectified (recorded against the wrong
 * child) takes its facts with it and is never projected again. Facts are keyed by their own
 * ids and inserted once, and a transfer moves the child only if it is newer than the last one applied, so a replay
 * from the start of the topic, or events arriving out of order, end in the same projection. A child.erased deletes
 * the child's case, escalations and alerts, and any later event about the child is ignored.
 */
@ApplicationScoped
public class CaseProjection {

    static final String CONSUMER = "case-projection";

    /** What an erased child leaves behind, in the order the foreign keys allow. */
    private static final String[] ERASURE = {
        "delete from escalation_action where escalation_id in (select id from escalation where child_ref = :child)",
        "delete from escalation_stage where escalation_id in (select id from escalation where child_ref = :child)",
        "delete from escalation where child_ref = :child",
        "delete from drift_alert where child_ref = :child",
        "delete from case_fact where child_ref = :child",
        "delete from case_child where child_ref = :child",
        "delete from drift_evaluation_due where child_ref = :child" };

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Event<CaseChanged> changed;

    @Inject
    Event<ChildTransferred> transfers;

    @Transactional
    public void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        JsonNode d = event.data();
        String childRef = d.path("childRef").asText(null);
        String partnership = d.path("partnership").asText(null);
        if (childRef == null || partnership == null) {
            return;
        }
        if ("child.erased".equals(event.type())) {
            erase(childRef, OffsetDateTime.parse(d.get("erasedAt").asText()));
            return;
        }
        if (erased(childRef)) {
            return;
        }
        em.createNativeQuery("insert into case_child (child_ref, partnership) values (:child, :partnership) on conflict do nothing")
                .setParameter("child", childRef).setParameter("partnership", partnership).executeUpdate();
        switch (event.type()) {
            case "child.registered" -> em.createNativeQuery("update case_child set registered_on = :on where child_ref = :child")
                    .setParameter("on", OffsetDateTime.parse(d.get("registeredAt").asText()).toLocalDate())
                    .setParameter("child", childRef).executeUpdate();
            case "child.transfer-requested" -> fact(event, childRef, uuid(d, "transferId"), FactKind.TRANSFER_REQUESTED,
                    null, date(d, "requestedOn"), d.get("byAgency").asText(), null, null, d.get("toPartnership").asText(),
                    date(d, "acceptBy"));
            case "child.transferred" -> transferred(event, childRef, d);
            case "child.merged" -> {
                merge(d.get("mergedChildRef").asText(), childRef);
                // the duplicate, without facts now, clears its alerts; the survivor is judged on the whole history
                changed.fire(new CaseChanged(d.get("mergedChildRef").asText()));
            }
            case "chronology.entry-added" -> chronologyEntry(event, childRef, d);
            case "chronology.entry-rectified" -> rectified(childRef, uuid(d, "entryId"));
            case "referral.received" -> fact(event, childRef, uuid(d, "referralId"), FactKind.REFERRAL, null,
                    date(d, "receivedOn"), d.get("agency").asText(), null, null);
            case "referral.decided" -> {
                // carries the referral's own date, so a decision arriving before its referral still projects both
                fact(event, childRef, uuid(d, "referralId"), FactKind.REFERRAL, null, date(d, "receivedOn"), null, null, null);
                fact(event, childRef, uuid(d, "decisionId"), FactKind.REFERRAL_DECISION, uuid(d, "referralId"),
                        date(d, "decidedOn"), d.get("agency").asText(), null, null);
            }
            case "case.closed" -> fact(event, childRef, uuid(d, "closureId"), FactKind.CLOSURE, null, date(d, "closedOn"),
                    d.get("agency").asText(), null, null);
            case "assessment.started" -> fact(event, childRef, uuid(d, "assessmentId"), FactKind.ASSESSMENT_STARTED,
                    uuid(d, "seriesId"), date(d, "startedOn"), d.get("agency").asText(), null, null);
            case "assessment.completed" -> fact(event, childRef, event.id(), FactKind.ASSESSMENT_COMPLETED,
                    uuid(d, "assessmentId"), date(d, "completedOn"), null, null, d.get("thresholdLevel").asInt());
            case "threshold.changed" -> fact(event, childRef, event.id(), FactKind.THRESHOLD_CHANGED, uuid(d, "assessmentId"),
                    date(d, "changedOn"), null, d.get("fromLevel").isNull() ? null : d.get("fromLevel").asInt(),
                    d.get("toLevel").asInt());
            case "child.plan-started", "child.plan-ended" -> {
                if (!neglectProtectionPlan(d)) {
                    return;
                }
                // the end carries the plan's start too, so an end arriving before its start still projects both
                fact(event, childRef, uuid(d, "planId"), FactKind.NEGLECT_PLAN_STARTED, null, date(d, "startDate"),
                        d.get("agency").asText(), null, null);
                if (d.has("endDate")) {
                    fact(event, childRef, event.id(), FactKind.NEGLECT_PLAN_ENDED, uuid(d, "planId"), date(d, "endDate"),
                            d.get("agency").asText(), null, null);
                }
            }
            default -> {
                return;
            }
        }
        changed.fire(new CaseChanged(childRef));
    }

    /** A duplicate record merged into the surviving one: its facts and its escalations are the survivor's now. */
    private void merge(String mergedRef, String survivingRef) {
        for (String table : new String[] { "case_fact", "escalation", "case_rectified_entry" }) {
            em.createNativeQuery("update " + table + " set child_ref = :surviving where child_ref = :merged")
                    .setParameter("surviving", survivingRef).setParameter("merged", mergedRef).executeUpdate();
        }
    }

    /**
     * The tombstone: everything about the child goes (its case, escalations with their stages and actions, drift
     * alerts); the audit trail stays. Only the reference is kept, so a later event about it is ignored.
     */
    private void erase(String childRef, OffsetDateTime erasedAt) {
        for (String sql : ERASURE) {
            em.createNativeQuery(sql).setParameter("child", childRef).executeUpdate();
        }
        em.createNativeQuery("insert into erased_child (child_ref, erased_at) values (:child, :at) on conflict do nothing")
                .setParameter("child", childRef).setParameter("at", erasedAt).executeUpdate();
    }

    private boolean erased(String childRef) {
        return !em.createNativeQuery("select 1 from erased_child where child_ref = :child")
                .setParameter("child", childRef).getResultList().isEmpty();
    }

    /**
     * The child moves only if this transfer is newer than the last one applied; then its escalations and drift alerts
     * follow ({@link ChildTransferred}). An accepted transfer ends its request's wait (D10).
     */
    private void transferred(ReceivedEvent event, String childRef, JsonNode d) {
        String to = d.get("toPartnership").asText();
        int moved = em.createNativeQuery("update case_child set partnership = :partnership,"
                + " partnership_since = :at where child_ref = :child and (partnership_since is null or partnership_since < :at)")
                .setParameter("partnership", to)
                .setParameter("at", OffsetDateTime.parse(d.get("transferredAt").asText()))
                .setParameter("child", childRef).executeUpdate();
        if (d.hasNonNull("transferId")) {
            fact(event, childRef, event.id(), FactKind.TRANSFER_ACCEPTED, uuid(d, "transferId"), date(d, "transferredOn"),
                    d.path("acceptedByAgency").asText(null), null, null);
        }
        if (moved == 1) {
            transfers.fire(new ChildTransferred(childRef, d.get("fromPartnership").asText(), to, date(d, "transferredOn")));
        }
    }

    /** Only the chronology entries a drift rule counts: concerns (D7) and multi-agency plan reviews (D3). */
    private void chronologyEntry(ReceivedEvent event, String childRef, JsonNode d) {
        FactKind kind = switch (d.get("type").asText()) {
            case "CONCERN" -> FactKind.CONCERN;
            case "PLAN_REVIEW" -> FactKind.REVIEW;
            default -> null;
        };
        if (kind != null) {
            fact(event, childRef, uuid(d, "entryId"), kind, null, date(d, "occurredOn"), d.get("agency").asText(), null, null);
        }
    }

    /**
     * The entry's facts (a concern, review, referral, decision or closure: each keyed by the entry's id) are dropped,
     * and so is the entry from the evidence of the child's alerts.
     */
    private void rectified(String childRef, UUID entryId) {
        em.createNativeQuery("insert into case_rectified_entry (entry_id, child_ref) values (:id, :child) on conflict do nothing")
                .setParameter("id", entryId).setParameter("child", childRef).executeUpdate();
        em.createNativeQuery("delete from case_fact where id = :id").setParameter("id", entryId).executeUpdate();
        // nor is it evidence of the child's alerts, open or cleared (the evaluation that follows judges them again)
        em.createNativeQuery("update drift_alert set evidence = (select coalesce(jsonb_agg(e), '[]'::jsonb)"
                + " from jsonb_array_elements(evidence) e where e->>'id' <> :id) where child_ref = :child"
                + " and evidence @> jsonb_build_array(jsonb_build_object('id', :id))")
                .setParameter("id", entryId.toString()).setParameter("child", childRef).executeUpdate();
    }

    /** Only the plans a drift rule counts: child protection plans under the category of neglect (D11). */
    private static boolean neglectProtectionPlan(JsonNode d) {
        return "CHILD_PROTECTION".equals(d.path("kind").asText()) && "NEGLECT".equals(d.path("category").asText());
    }

    private void fact(ReceivedEvent event, String childRef, UUID id, FactKind kind, UUID refId, LocalDate on, String agency,
            Integer fromLevel, Integer toLevel) {
        fact(event, childRef, id, kind, refId, on, agency, fromLevel, toLevel, null, null);
    }

    private void fact(ReceivedEvent event, String childRef, UUID id, FactKind kind, UUID refId, LocalDate on, String agency,
            Integer fromLevel, Integer toLevel, String partnership, LocalDate dueOn) {
        if (!em.createNativeQuery("select 1 from case_rectified_entry where entry_id = :id").setParameter("id", id)
                .getResultList().isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into case_fact (id, child_ref, kind, ref_id, on_date, agency, from_level, to_level, event_id,"
                + " partnership, due_on) values (:id, :child, :kind, :ref, :on, :agency, :from, :to, :event, :partnership, :due)"
                + " on conflict do nothing")
                .setParameter("id", id).setParameter("child", childRef).setParameter("kind", kind.name())
                .setParameter("ref", refId).setParameter("on", on).setParameter("agency", agency)
                .setParameter("from", fromLevel).setParameter("to", toLevel).setParameter("event", event.id())
                .setParameter("partnership", partnership).setParameter("due", dueOn)
                .executeUpdate();
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.get(field).asText());
    }

    private static LocalDate date(JsonNode d, String field) {
        return LocalDate.parse(d.get(field).asText());
    }
}
