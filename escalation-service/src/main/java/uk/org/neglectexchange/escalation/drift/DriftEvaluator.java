package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * Evaluates every drift rule for one child, with its partnership's clocks, and reconciles the alerts. Runs in the
 * transaction that projected an event for the child, and for each child in the daily scan. A partnership whose
 * edition has not arrived yet is not evaluated: no clocks, no alerts.
 */
@ApplicationScoped
public class DriftEvaluator {

    private static final Logger LOG = Logger.getLogger(DriftEvaluator.class);

    @Inject
    Instance<DriftRule> rules;

    @Inject
    CaseHistories histories;

    @Inject
    DriftAlerts alerts;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void onCaseChanged(@Observes CaseChanged changed) {
        evaluate(changed.childRef(), LocalDate.now(clock));
    }

    @Transactional
    public void evaluate(String childRef, LocalDate today) {
        // one evaluation of a child at a time (event and scan, or two replicas), so a condition raises one alert
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:child))").setParameter("child", childRef)
                .getSingleResult();
        Optional<CaseHistory> history = histories.load(childRef);
        if (history.isEmpty()) {
            // nothing left to hold a condition (its last escalation resolved, never projected): every alert has ended
            alerts.reconcile(childRef, null, Set.of(), List.of(), today);
            return;
        }
        PartnershipProcedure procedure = PartnershipProcedure.findById(history.get().partnership());
        if (procedure == null) {
            return;
        }
        DriftSettings settings = new DriftSettings(procedure.driftRules);
        Set<String> evaluated = new HashSet<>();
        List<Condition> holding = new ArrayList<>();
        for (DriftRule rule : rules) {
            try {
                holding.addAll(rule.conditions(history.get(), settings, today));
                evaluated.add(rule.code());
            } catch (DriftSettings.MissingSetting e) {
                LOG.warnf("%s not evaluated for %s: %s", rule.code(), history.get().partnership(), e.getMessage());
            }
        }
        alerts.reconcile(childRef, history.get().partnership(), evaluated, holding, today);
    }
}
