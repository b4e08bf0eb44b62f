package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.escalation.caseprojection.CaseChanged;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistories;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;

/**
 * Evaluates every drift rule for a child, with its partnership's clocks, and reconciles the alerts. Runs in the
 * transaction that projected an event for the child, and for each page of children in the daily scan. A partnership
 * whose edition has not arrived yet is not evaluated: no clocks, no alerts.
 */
@ApplicationScoped
public class DriftEvaluator {

    private static final Logger LOG = Logger.getLogger(DriftEvaluator.class);

    @Inject
    Instance<DriftRule> ruleBeans;

    @Inject
    CaseHistories histories;

    @Inject
    DriftAlerts alerts;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private List<DriftRule> rules;

    @PostConstruct
    void collectRules() {
        rules = ruleBeans.stream().toList();
    }

    void onCaseChanged(@Observes CaseChanged changed) {
        evaluate(changed.childRef(), LocalDate.now(clock));
    }

    @Transactional
    public void evaluate(String childRef, LocalDate today) {
        evaluate(List.of(childRef), today);
    }

    /**
     * One transaction for the page: the scan's cost was a commit and five round trips per child (docs/performance.md,
     * P7), so the page's histories and open alerts are read in one go and only changes are written.
     */
    @Transactional
    public void evaluate(List<String> childRefs, LocalDate today) {
        // one evaluation of a child at a time (event and scan, or two replicas), so a condition raises one alert;
        // taken in one order by every caller, so two pages never wait on each other in a cycle (a childRef has no comma)
        em.createNativeQuery("select count(pg_advisory_xact_lock(hashtext(c))) from"
                + " (select c from unnest(string_to_array(:children, ',')) as c order by c) locked")
                .setParameter("children", String.join(",", childRefs)).getSingleResult();
        Map<String, CaseHistory> histories = this.histories.load(childRefs);
        Map<String, PartnershipProcedure> procedures = PartnershipProcedure.<PartnershipProcedure>listAll().stream()
                .collect(Collectors.toMap(p -> p.partnership, Function.identity()));
        Map<String, List<DriftAlert>> open = alerts.openOf(childRefs);
        for (String childRef : childRefs) {
            List<DriftAlert> childsOpen = open.getOrDefault(childRef, List.of());
            CaseHistory history = histories.get(childRef);
            if (history == null) {
                // nothing left to hold a condition (its last escalation resolved, never projected): every alert has ended
                alerts.reconcile(childsOpen, childRef, null, Set.of(), List.of(), today);
                continue;
            }
            PartnershipProcedure procedure = procedures.get(history.partnership());
            if (procedure != null) {
                evaluate(history, new DriftSettings(procedure.driftRules), childsOpen, today);
            }
        }
    }

    private void evaluate(CaseHistory history, DriftSettings settings, List<DriftAlert> open, LocalDate today) {
        Set<String> evaluated = new HashSet<>();
        List<Condition> holding = new ArrayList<>();
        for (DriftRule rule : rules) {
            try {
                holding.addAll(rule.conditions(history, settings, today));
                evaluated.add(rule.code());
            } catch (DriftSettings.MissingSetting e) {
                LOG.warnf("%s not evaluated for %s: %s", rule.code(), history.partnership(), e.getMessage());
            }
        }
        alerts.reconcile(open, history.childRef(), history.partnership(), evaluated, holding, today);
    }
}
