package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;
import uk.org.neglectexchange.escalation.procedure.ToolkitChanged;

/** D9 for each partnership, when a toolkit edition or review notice arrives and in the daily scan. */
@ApplicationScoped
public class PartnershipDrift {

    private static final Logger LOG = Logger.getLogger(PartnershipDrift.class);

    @Inject
    ToolkitReviewRule rule;

    @Inject
    DriftAlerts alerts;

    @Inject
    Clock clock;

    void onToolkitChanged(@Observes ToolkitChanged changed) {
        evaluate(LocalDate.now(clock));
    }

    @Transactional
    public void evaluate(LocalDate today) {
        for (PartnershipProcedure edition : PartnershipProcedure.<PartnershipProcedure>listAll()) {
            try {
                List<Condition> holding = rule.condition(edition, new DriftSettings(edition.driftRules), today).stream().toList();
                alerts.reconcile(null, edition.partnership, Set.of(ToolkitReviewRule.CODE), holding, today);
            } catch (DriftSettings.MissingSetting e) {
                LOG.warnf("D9 not evaluated for %s: %s", edition.partnership, e.getMessage());
            }
        }
    }
}
