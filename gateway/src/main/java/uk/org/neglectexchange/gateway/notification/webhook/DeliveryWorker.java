package uk.org.neglectexchange.gateway.notification.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import uk.org.neglectexchange.gateway.notification.subscription.Subscriptions;
import uk.org.neglectexchange.gateway.notification.webhook.WebhookDeliveries.Claimed;

/**
 * Sends due webhook deliveries: claims a batch (leased, so replicas never send the same one at once), sends each
 * without waiting (at most {@code nx.notifications.webhooks.max-in-flight} at a time), and records each answer in a
 * transaction of its own: delivered; rescheduled by the {@link RetrySchedule}; or failed when the schedule is spent.
 * It wakes when a transaction queues a delivery, and looks every {@code nx.notifications.webhooks.poll-interval} for
 * retries falling due and for other replicas' work.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Subscriptions subscriptions;

    @Inject
    AddressPolicy addresses;

    @Inject
    WebhookSender sender;

    @Inject
    RetrySchedule schedule;

    @Inject
    WebhookConfig config;

    @ConfigProperty(name = "nx.notifications.webhooks.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    private final Semaphore wakeUps = new Semaphore(0);
    private Semaphore inFlight;
    private volatile boolean running;

    void start(@Observes StartupEvent started) {
        inFlight = new Semaphore(config.maxInFlight());
        running = true;
        Thread thread = new Thread(this::run, "webhook-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        wakeUps.release();
    }

    /** Called after a transaction that queued deliveries commits. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            try {
                inFlight.acquire();
                int free = 1 + inFlight.drainPermits();
                List<Claimed> claimed;
                try {
                    claimed = deliveries.claim(free);
                } catch (RuntimeException e) {
                    inFlight.release(free);
                    throw e;
                }
                inFlight.release(free - claimed.size());
                claimed.forEach(this::send);
                if (claimed.size() < free) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: what was claimed stays leased and is taken again when the lease runs out
                LOG.warnf("Webhook deliveries could not be claimed, retrying in %s: %s", pollInterval, e.getMessage());
                pause();
            }
        }
    }

    private void send(Claimed delivery) {
        Target target;
        try {
            target = addresses.check(delivery.url());
        } catch (RefusedUrl refused) {
            record(delivery, new SendResult(0, "the URL " + refused.getMessage()));
            return;
        }
        sender.send(target, delivery.id().toString(), delivery.secret(), delivery.body())
                .onComplete(answer -> {
                    SendResult result = answer.succeeded() ? answer.result() : new SendResult(0, "not sent");
                    // the answer arrives on an event loop; recording it is blocking work
                    Thread.ofVirtual().start(() -> record(delivery, result));
                });
    }

    private void record(Claimed delivery, SendResult result) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (result.delivered()) {
                    deliveries.delivered(delivery, result.status());
                    subscriptions.succeeded(delivery.subscriptionId());
                    return;
                }
                Optional<Duration> retryIn = result.status() == 410 ? Optional.empty()
                        : schedule.delayAfterAttempt(delivery.attempts());
                deliveries.notDelivered(delivery, result.status(), result.error(),
                        retryIn.map(delay -> OffsetDateTime.now().plus(delay)).orElse(null));
                subscriptions.failed(delivery.subscriptionId(), result.status());
            });
        } catch (RuntimeException e) {
            // unrecorded: the lease runs out and the delivery is sent again; receivers deduplicate by webhook-id
            LOG.warnf("Outcome of webhook delivery %s not recorded: %s", delivery.id(), e.getMessage());
        } finally {
            inFlight.release();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
