package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.escalation.caseprojection.ChildTransferred;
import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;
import uk.org.neglectexchange.escalation.procedure.PracticeApproachMapping;

/**
 * Keeps one alert per condition: a condition with no alert open raises one (drift.detected); an open alert whose
 * condition no longer holds, under a rule that was evaluated, is cleared (drift.cleared). A transferred child's open
 * alerts move with it (drift.transferred); one still found under a partnership the child has left is cleared.
 */
@ApplicationScoped
public class DriftAlerts {

    @Inject
    DriftEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /**
     * {@code childRef} null: the partnership's own alerts (D9). {@code partnership} null: the child is no longer in
     * any, so every open alert of the child clears.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(String childRef, String partnership, Set<String> evaluatedRules, List<Condition> holding,
            LocalDate today) {
        List<DriftAlert> open = childRef != null
                ? DriftAlert.list("childRef = ?1 and status <> ?2", childRef, AlertStatus.CLEARED)
                : DriftAlert.list("childRef is null and partnership = ?1 and status <> ?2", partnership, AlertStatus.CLEARED);
        reconcile(open, childRef, partnership, evaluatedRules, holding, today);
    }

    /** The children's alerts that have not been cleared, by child: read once for a page of the scan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<DriftAlert>> openOf(Collection<String> childRefs) {
        return DriftAlert.<DriftAlert>list("childRef in ?1 and status <> ?2", childRefs, AlertStatus.CLEARED).stream()
                .collect(Collectors.groupingBy(alert -> alert.childRef));
    }

    /** {@link #reconcile(String, String, Set, List, LocalDate)} with the open alerts already read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(List<DriftAlert> open, String childRef, String partnership, Set<String> evaluatedRules,
            List<Condition> holding, LocalDate today) {
        for (DriftAlert alert : open) {
            boolean stillHolds = holding.stream().anyMatch(c -> alert.matches(c, partnership));
            if (!stillHolds && (evaluatedRules.contains(alert.rule) || !alert.partnership.equals(partnership))) {
                alert.status = AlertStatus.CLEARED;
                alert.clearedAt = OffsetDateTime.now(clock);
                alert.clearedOn = today;
                events.cleared(alert, evidence(alert));
            }
        }
        for (Condition condition : holding) {
            if (open.stream().noneMatch(a -> a.status != AlertStatus.CLEARED && a.matches(condition, partnership))) {
                raise(childRef, condition.alerting(partnership), condition, today);
            }
        }
    }

    /**
     * A transferred child's open alerts go with it to the partnership that accepted it, acknowledgements and all: the
     * drift is the child's, and the new partnership inherits its age. The child's next evaluation (the transfer marks it
     * due) judges them under the new partnership's clocks, clearing those that no longer hold there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChildTransferred(@Observes ChildTransferred transfer) {
        // a late transfer's D10 alert is already the receiving partnership's: it clears as the acceptance is evaluated
        List<DriftAlert> moving = DriftAlert.list("childRef = ?1 and status <> ?2 and partnership <> ?3",
                transfer.childRef(), AlertStatus.CLEARED, transfer.toPartnership());
        for (DriftAlert alert : moving) {
            String from = alert.partnership;
            alert.partnership = transfer.toPartnership();
            events.transferred(alert, from, transfer.transferredOn());
            audit.recordApplied("drift-alert.transfer", alert.childRef, transfer.toPartnership());
        }
    }

    private void raise(String childRef, String partnership, Condition condition, LocalDate today) {
        DriftAlert alert = new DriftAlert();
        alert.id = UUID.randomUUID();
        alert.rule = condition.rule();
        alert.childRef = childRef;
        alert.partnership = partnership;
        alert.conditionKey = condition.key();
        alert.severity = condition.severity();
        alert.status = AlertStatus.OPEN;
        PracticeApproachMapping.forRule(PartnershipProcedure.findById(partnership), condition.rule()).ifPresent(approach -> {
            alert.practiceApproach = approach.code();
            alert.practiceApproachName = approach.name();
            alert.guidanceLink = approach.guidanceLink();
        });
        alert.raisedAt = OffsetDateTime.now(clock);
        alert.raisedOn = today;
        try {
            alert.evidence = json.writeValueAsString(condition.evidence());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence is not serialisable", e);
        }
        alert.persist();
        events.detected(alert, condition.evidence());
    }

    public List<Evidence> evidence(DriftAlert alert) {
        try {
            return json.readValue(alert.evidence, new TypeReference<List<Evidence>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence of alert " + alert.id + " is unreadable", e);
        }
    }
}
