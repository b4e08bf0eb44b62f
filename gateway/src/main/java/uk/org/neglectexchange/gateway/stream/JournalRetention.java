package uk.org.neglectexchange.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets journalled events older than {@code nx.stream.retention} (30 days by default). A client reconnecting with
 * the id of a forgotten event is told so in a comment and continues live. Every replica may run it: deleting twice
 * is harmless.
 */
@ApplicationScoped
public class JournalRetention {

    private static final Logger LOG = Logger.getLogger(JournalRetention.class);

    @Inject
    Journal journal;

    @Inject
    StreamConfig config;

    @Scheduled(every = "${nx.stream.retention-check}", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prune() {
        int pruned = journal.prune(config.retention());
        if (pruned > 0) {
            LOG.infof("Event stream journal: %d events older than %s forgotten", pruned, config.retention());
        }
    }
}
