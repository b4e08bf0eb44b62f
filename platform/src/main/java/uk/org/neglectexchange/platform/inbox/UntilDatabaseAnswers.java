package uk.org.neglectexchange.platform.inbox;

import java.time.Duration;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.platform.problem.DatabaseUnavailable;

/**
 * Applies an event, waiting out a database outage however long it lasts: a good event must not go to the DLQ (and
 * be lost to this consumer) only because the database was restarting. Other failures are thrown as before, for the
 * consumer's few retries and then its DLQ. While it waits the partition waits too, so order is kept.
 */
public final class UntilDatabaseAnswers {

    private static final Logger LOG = Logger.getLogger(UntilDatabaseAnswers.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private UntilDatabaseAnswers() {
    }

    public static void apply(Runnable effect) {
        Duration pause = Duration.ofMillis(250);
        for (int attempt = 1;; attempt++) {
            try {
                effect.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e)) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warnf("Database unavailable; the event will be applied when it answers (%s)", e.getClass().getSimpleName());
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
