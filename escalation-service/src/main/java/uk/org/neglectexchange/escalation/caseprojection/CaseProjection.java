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
 * assessment start and completion and threshold change, and the child's partnership. Facts are keyed by their own
 * ids and inserted once, and a transfer moves the child only if it is newer than the last one applied, so a replay
 * from the start of the topic, or events arriving out of order, end in the same projection.
 */
@ApplicationScoped
public class CaseProjection {

    static final String CONSUMER = "case-projection";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Event<CaseChanged> changed;

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
        em.createNativeQuery("insert into case_child (child_ref, partnership) values (:child, :partnership) on conflict do nothing")
                .setParameter("child", childRef).setParameter("partnership", partnership).executeUpdate();
        switch (event.type()) {
            case "child.registered" -> em.createNativeQuery("update case_child set registered_on = :on where child_ref = :child")
                    .setParameter("on", OffsetDateTime.parse(d.get("registeredAt").asText()).toLocalDate())
                    .setParameter("child", childRef).executeUpdate();
            case "child.transferred" -> em.createNativeQuery("update case_child set partnership = :partnership,"
                    + " partnership_since = :at where child_ref = :child and (partnership_since is null or partnership_since < :at)")
                    .setParameter("partnership", d.get("toPartnership").asText())
                    .setParameter("at", OffsetDateTime.parse(d.get("transferredAt").asText()))
                    .setParameter("child", childRef).executeUpdate();
            case "chronology.entry-added" -> chronologyEntry(event, childRef, d);
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
            default -> {
                return;
            }
        }
        changed.fire(new CaseChanged(childRef));
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

    private void fact(ReceivedEvent event, String childRef, UUID id, FactKind kind, UUID refId, LocalDate on, String agency,
            Integer fromLevel, Integer toLevel) {
        em.createNativeQuery("insert into case_fact (id, child_ref, kind, ref_id, on_date, agency, from_level, to_level, event_id)"
                + " values (:id, :child, :kind, :ref, :on, :agency, :from, :to, :event) on conflict do nothing")
                .setParameter("id", id).setParameter("child", childRef).setParameter("kind", kind.name())
                .setParameter("ref", refId).setParameter("on", on).setParameter("agency", agency)
                .setParameter("from", fromLevel).setParameter("to", toLevel).setParameter("event", event.id())
                .executeUpdate();
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.get(field).asText());
    }

    private static LocalDate date(JsonNode d, String field) {
        return LocalDate.parse(d.get(field).asText());
    }
}
