package uk.org.neglectexchange.assessment.identity;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The rotation job: on every replica, every {@code nx.identity.rotation.every}, re-wraps the data keys not wrapped by
 * the current master key and brings identities to the current keys ({@link IdentityMigration}), in batches, until
 * nothing is behind or its run's time is up. A scheduled job rather than an endpoint: a rotation is then only a
 * configuration change and restarts (no credential or port to open for it), it resumes by itself after a restart,
 * and the replicas share the work by skipping each other's rows. Its progress: {@link IdentityKeysHealth}.
 */
@ApplicationScoped
public class IdentityKeyRotation {

    public static final String JOB = "identity-key-rotation";

    private static final Logger LOG = Logger.getLogger(IdentityKeyRotation.class);

    @Inject
    IdentityConfig config;

    @Inject
    IdentityKeys keys;

    @Inject
    IdentityKeyStore store;

    @Inject
    IdentityMigration migration;

    @Scheduled(identity = JOB, every = "${nx.identity.rotation.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant end = Instant.now().plus(config.rotation().maxRun());
        int size = config.rotation().batchSize();
        int rewrapped = 0;
        int migrated = 0;
        int batch;
        do {
            int keysDone = store.rewrapBatch(keys.currentMasterVersion(), size,
                    (owner, old) -> keys.wrap(owner, keys.unwrap(owner, old)));
            int rowsDone = migration.childrenBatch(size) + migration.carersBatch(size);
            rewrapped += keysDone;
            migrated += rowsDone;
            batch = keysDone + rowsDone;
        } while (batch > 0 && Instant.now().isBefore(end));
        if (rewrapped + migrated > 0) {
            LOG.infof("identity keys: %d data keys re-wrapped under master key %s, %d identities brought to the current keys",
                    rewrapped, keys.currentMasterVersion(), migrated);
        }
    }
}
