package uk.org.neglectexchange.gateway.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When to try a failed delivery again ({@code nx.notifications.webhooks.retry-schedule}): by default the Standard
 * Webhooks schedule, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, so eight attempts over about 27.6 hours. Each delay
 * varies by up to {@code jitter} either way, so that deliveries which failed together (a receiver's outage) do not
 * all come back at the same instant.
 */
@ApplicationScoped
public class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final RandomGenerator random;

    @Inject
    public RetrySchedule(WebhookConfig config) {
        this(config.retrySchedule(), config.jitter(), RandomGenerator.getDefault());
    }

    RetrySchedule(List<Duration> delays, double jitter, RandomGenerator random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("nx.notifications.webhooks.jitter must be at least 0 and below 1");
        }
        if (delays.stream().anyMatch(delay -> delay.isNegative())) {
            throw new IllegalArgumentException("nx.notifications.webhooks.retry-schedule must not hold negative delays");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * The wait before the next attempt once {@code attemptsMade} attempts have failed (1 after the first), or empty
     * when the schedule is used up and the delivery is given up.
     */
    public Optional<Duration> delayAfterAttempt(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be at least 1");
        }
        if (attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration nominal = delays.get(attemptsMade - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.round(nominal.toMillis() * factor)));
    }

    /** Attempts in all: the first and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The nominal time from the first attempt to the last (jitter averages out). */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
