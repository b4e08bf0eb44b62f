package uk.org.neglectexchange.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;

/**
 * One token bucket per caller. Memory stays bounded by the callers active within one refill period: a bucket that
 * has refilled is dropped by the sweep (or at once when too many are tracked), and a returning caller gets a fresh,
 * equally full one.
 */
@Singleton
public class RateLimiter {

    private static final long EARLY_DROP_SPACING_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastEarlyDrop = new AtomicLong(System.nanoTime());
    private final LimitsConfig config;

    RateLimiter(LimitsConfig config) {
        this.config = config;
    }

    /**
     * A client with a verified token: its own entry in nx.limits.clients, else the default. One bucket per client and
     * subject: a machine client has one subject (its service account), while each person signed in through a public
     * client such as dashboard-web gets an allowance of their own instead of sharing one.
     */
    TokenBucket.Decision takeForClient(String clientId, String subject) {
        LimitsConfig.ClientRate own = config.clients().get(clientId);
        double perSecond = config.defaults().requestsPerSecond();
        long burst = config.defaults().burst();
        if (own != null) {
            perSecond = own.requestsPerSecond().orElse(perSecond);
            burst = own.burst().orElse(burst);
        }
        return take("client:" + clientId + ":" + subject, perSecond, burst);
    }

    /** A caller without a verified token, known only by its address: always the default. */
    TokenBucket.Decision takeForAddress(String address) {
        return take("address:" + address, config.defaults().requestsPerSecond(), config.defaults().burst());
    }

    private TokenBucket.Decision take(String key, double perSecond, long burst) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= config.maxTrackedClients() && mayDropEarly(now)) {
                dropFull();
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perSecond, now));
        }
        return bucket.take(now);
    }

    /**
     * At most one early sweep a second: with that many callers all still active, sweeping for every new one would
     * cost more than it frees.
     */
    private boolean mayDropEarly(long now) {
        long last = lastEarlyDrop.get();
        return now - last >= EARLY_DROP_SPACING_NANOS && lastEarlyDrop.compareAndSet(last, now);
    }

    /**
     * A request racing with the removal of its bucket may take a token from the dropped one: at most one request
     * per client per sweep goes uncounted.
     */
    @Scheduled(every = "${nx.limits.sweep-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropFull() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
