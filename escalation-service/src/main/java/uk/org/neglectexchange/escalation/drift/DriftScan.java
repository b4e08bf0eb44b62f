package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistories;

/**
 * Clocks run out with no event (a referral nobody decides): the daily scan evaluates every child with the date it
 * is handed, a page of children per transaction, two pages at a time. Tests hand it the day they want.
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

    @Inject
    DriftScanConfig config;

    /** Carries the scan's trace (and so the events' traceparent) onto the threads that evaluate its pages. */
    @Inject
    ManagedExecutor executor;

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
        int pages = (childRefs.size() + config.pageSize() - 1) / config.pageSize();
        AtomicInteger nextPage = new AtomicInteger();
        Runnable worker = () -> {
            for (int page; (page = nextPage.getAndIncrement()) < pages; ) {
                try {
                    int from = page * config.pageSize();
                    evaluator.evaluate(childRefs.subList(from, Math.min(from + config.pageSize(), childRefs.size())), today);
                } catch (RuntimeException e) {
                    nextPage.set(pages); // the other workers stop too: the scan fails as a whole, as it did
                    throw e;
                }
            }
        };
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < config.parallelPages(); i++) {
            workers.add(executor.runAsync(worker));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        int children = childRefs.size();
        LOG.infof("Drift scan on %s: %d children evaluated in %d ms", today, children, (System.nanoTime() - started) / 1_000_000);
        return children;
    }
}
