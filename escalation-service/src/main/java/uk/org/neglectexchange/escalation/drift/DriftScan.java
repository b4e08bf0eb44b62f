package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistories;

/**
 * Clocks run out with no event (a referral nobody decides): the daily scan evaluates every child with the date it
 * is handed, a page of children per transaction. Tests hand it the day they want.
 */
@ApplicationScoped
public class DriftScan {

    private static final Logger LOG = Logger.getLogger(DriftScan.class);

    @Inject
    CaseHistories histories;

    @Inject
    DriftEvaluator evaluator;

    @Inject
    PartnershipDrift partnerships;

    @Inject
    Clock clock;

    /** Children per transaction; each holds an advisory lock until the page commits (PostgreSQL's lock table is shared). */
    @ConfigProperty(name = "nx.drift.scan.page-size", defaultValue = "500")
    int pageSize;

    @Scheduled(identity = "drift-scan", cron = "${nx.drift.scan.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        scan(LocalDate.now(clock));
    }

    /** Evaluates every partnership's edition and every child on {@code today}; returns how many children. */
    public int scan(LocalDate today) {
        long started = System.nanoTime();
        partnerships.evaluate(today);
        List<String> childRefs = histories.childRefs();
        for (int from = 0; from < childRefs.size(); from += pageSize) {
            evaluator.evaluate(childRefs.subList(from, Math.min(from + pageSize, childRefs.size())), today);
        }
        int children = childRefs.size();
        LOG.infof("Drift scan on %s: %d children evaluated in %d ms", today, children, (System.nanoTime() - started) / 1_000_000);
        return children;
    }
}
