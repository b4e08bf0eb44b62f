package uk.org.neglectexchange.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import uk.org.neglectexchange.platform.correlation.Correlation;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode), in commit order, and marks them
 * published only once the broker has acknowledged every one (acks=all, idempotent producer). A crash between
 * the acknowledgement and the commit republishes the batch: consumers drop the copies by event id.
 * <p>
 * It exists in a service that configures the {@value #CHANNEL} channel (the topic it publishes to); an event type
 * named in {@code nx.outbox.topics} goes to that topic instead (the audit trail's {@code audit.recorded}).
 */
@IfBuildProperty(name = "mp.messaging.outgoing." + OutboxRelay.CHANNEL + ".connector", stringValue = "smallrye-kafka")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * "nxoutbox" in ASCII. One relay at a time across replicas keeps each key's events in order: with
     * {@code for update skip locked} instead, a second replica would take the next rows while the first is still
     * sending its batch, and could put a child's later event on the topic before an earlier one.
     */
    static final long RELAY_LOCK = 0x6e78_6f75_7462_6f78L;
    /** The outgoing channel every service's outbox publishes through; its topic is the service's own. */
    public static final String CHANNEL = "outbox";

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    /** Its own thread: a pool that propagates context would hand the relay the committed transaction. */
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

    /**
     * Publishes as soon as a transaction that appended events commits, instead of waiting for the next poll. One
     * wake-up queued at a time: a scan page that appends 500 events queues one relay run, not 500.
     */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        if (wakeUpQueued.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpQueued.set(false);
                relay();
            });
        }
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdown();
    }

    /** The safety net: events whose commit-time wake-up was missed (a crash, Kafka down) go out on the next poll. */
    @Scheduled(every = "${nx.outbox.poll-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        wakeUp.set(true);
        while (wakeUp.get() && draining.compareAndSet(false, true)) {
            try {
                wakeUp.set(false);
                while (publishBatch() == config.batchSize()) {
                    // a full batch means more are waiting
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
                return;
            } finally {
                draining.set(false);
            }
        }
    }

    @Transactional
    int publishBatch() {
        // the wait for acknowledgements is the longest this transaction says nothing; three times that is silence
        if (!takeRelayLock(config.ackTimeout().multipliedBy(3))) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                "select * from outbox_event where published_at is null order by sequence_no limit :n for update",
                OutboxEvent.class).setParameter("n", config.batchSize()).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = batch.stream().map(this::send).toList();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the batch: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
        // one statement for the batch, not one per event (docs/performance.md, P4); the rows are ours, locked above
        em.createNativeQuery("update outbox_event set published_at = :now where id in (:ids)")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("ids", batch.stream().map(event -> event.id).toList()).executeUpdate();
        return batch.size();
    }

    /**
     * Takes the relay lock for the current transaction, or returns false at once when another replica holds it (that
     * replica publishes; this one tries again at its next wake-up or poll). The lock ends with the transaction: a
     * replica that dies loses its connection and the lock with it. One that falls silent while holding it (frozen,
     * or its host gone without closing the connection) is cut off by PostgreSQL after {@code silenceLimit} idle in
     * the transaction, so another replica takes over within that time instead of waiting hours for TCP to notice.
     */
    boolean takeRelayLock(Duration silenceLimit) {
        // set_config cannot return null: whichever operand PostgreSQL evaluates first, a lock taken has its limit set
        return (Boolean) em.createNativeQuery("select set_config('idle_in_transaction_session_timeout', :limit, true)"
                + " is not null and pg_try_advisory_xact_lock(:lock)")
                .setParameter("limit", silenceLimit.toMillis() + "ms").setParameter("lock", RELAY_LOCK).getSingleResult();
    }

    /**
     * Acknowledgements complete plain futures: a Mutiny pipeline would carry this thread's transaction onto the
     * producer's thread, and the commit would then fail as used by two threads at once.
     */
    private CompletableFuture<Void> send(OutboxEvent event) {
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id.toString())
                .withType(event.type)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .withDataContentType("application/json");
        if (event.partnership != null) {
            cloudEvent.withExtension("partnership", event.partnership);
        }
        // CloudEvents extensions: requestid, and traceparent (the distributed-tracing extension)
        if (event.requestId != null) {
            cloudEvent.withExtension("requestid", event.requestId);
        }
        if (event.traceparent != null) {
            cloudEvent.withExtension("traceparent", event.traceparent);
        }
        var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey);
        String topic = config.topics().get(event.type);
        if (topic != null) {
            record.withTopic(topic);
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(event.data).addMetadata(cloudEvent.build()).addMetadata(record.build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        if (event.traceparent != null) {
            // The producer's span (and the record's own traceparent header) joins the trace that appended the
            // event, instead of whatever this relay thread happens to run in.
            message = message.addMetadata(TracingMetadata.withCurrent(Correlation.contextOf(event.traceparent)));
        }
        emitter.send(message);
        return acked;
    }
}
