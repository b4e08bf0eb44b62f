package uk.org.neglectexchange.escalation.drift;

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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.escalation.caseprojection.CaseHistories;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;
import uk.org.neglectexchange.platform.correlation.Correlation;

/**
 * Evaluates every drift rule for a child, with its partnership's clocks, and reconciles the alerts. Runs for each page
 * of children whose case changed ({@link DueEvaluations}) and for each page of the daily scan. A partnership whose
 * edition has not arrived yet is not evaluated: no clocks, no alerts.
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

    private List<DriftRule> rules;

    @PostConstruct
    void collectRules() {
        rules = ruleBeans.stream().toList();
    }

    /**
     * One transaction for the page: the scan's cost was a commit and five round trips per child (docs/performance.md,
     * P7), so the page's histories and open alerts are read in one go and only changes are written.
     */
    @Transactional
    public void evaluate(List<String> childRefs, LocalDate today) {
        evaluate(childRefs, today, child -> null);
    }

    /**
     * {@link #evaluate(List, LocalDate)}, each child's alerts reconciled on behalf of what changed its case: the
     * request id and trace it gives are carried by the drift events appended for that child.
     */
    @Transactional
    public void evaluate(List<String> childRefs, LocalDate today, Function<String, Correlation.Applying> onBehalfOf) {
        // one evaluation of a child at a time (a drain and the scan, or two replicas), so a condition raises one alert;
        // taken in one order by every caller, so two pages never wait on each other in a cycle (a childRef has no comma)
        em.createNativeQuery("select count(pg_advisory_xact_lock(hashtext(c))) from"
                + " (select c from unnest(string_to_array(:children, ',')) as c order by c) locked")
                .setParameter("children", String.join(",", childRefs)).getSingleResult();
        Map<String, CaseHistory> histories = this.histories.load(childRefs);
        Map<String, PartnershipProcedure> procedures = PartnershipProcedure.<PartnershipProcedure>listAll().stream()
                .collect(Collectors.toMap(p -> p.partnership, Function.identity()));
        Map<String, List<DriftAlert>> open = alerts.openOf(childRefs);
        for (String childRef : childRefs) {
            try (Correlation.Applying cause = onBehalfOf.apply(childRef)) {
                evaluate(childRef, histories.get(childRef), procedures, open.getOrDefault(childRef, List.of()), today);
            }
        }
    }

    private void evaluate(String childRef, CaseHistory history, Map<String, PartnershipProcedure> procedures,
            List<DriftAlert> open, LocalDate today) {
        if (history == null) {
            // nothing left to hold a condition (its last escalation resolved, never projected): every alert has ended
            alerts.reconcile(open, childRef, null, Set.of(), List.of(), today);
            return;
        }
        PartnershipProcedure procedure = procedures.get(history.partnership());
        if (procedure != null) {
            evaluate(history, new DriftSettings(procedure.driftRules), open, today);
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
