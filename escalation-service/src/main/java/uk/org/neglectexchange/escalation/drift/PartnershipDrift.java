package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;
import uk.org.neglectexchange.escalation.procedure.ToolkitChanged;

/** D9 for each partnership, when a toolkit edition or review notice arrives and in the daily scan. */
@ApplicationScoped
public class PartnershipDrift {

    private static final Logger LOG = Logger.getLogger(PartnershipDrift.class);
    /** "nxdrift9" in ASCII; outside the range of the children's locks (hashtext, 32 bits). */
    private static final long EVALUATION_LOCK = 0x6e78_6472_6966_7439L;

    @Inject
    ToolkitReviewRule rule;

    @Inject
    DriftAlerts alerts;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void onToolkitChanged(@Observes ToolkitChanged changed) {
        evaluate(LocalDate.now(clock));
    }

    @Transactional
    public void evaluate(LocalDate today) {
        // one evaluation at a time, across replicas too (toolkit events of two families on two partitions, two
        // replicas' daily scans): the second reads what the first raised or cleared, so an alert is raised once,
        // and cleared once, instead of a duplicate-key failure or a second drift.cleared
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:lock)) as locked")
                .setParameter("lock", EVALUATION_LOCK).getSingleResult();
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
