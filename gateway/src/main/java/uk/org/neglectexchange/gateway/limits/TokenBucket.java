package uk.org.neglectexchange.gateway.limits;

/**
 * Holds up to {@code capacity} tokens, refilled continuously at a fixed rate; each request takes one. Synchronized:
 * one client's requests rarely contend, and the critical section is a few arithmetic operations.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(long capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    synchronized Decision take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, capacity, (long) tokens, 0);
        }
        double waitSeconds = (1 - tokens) / tokensPerNano / NANOS_PER_SECOND;
        return new Decision(false, capacity, 0, Math.max(1, (long) Math.ceil(waitSeconds)));
    }

    /** A full bucket is indistinguishable from a new one, so dropping it loses nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }

    /** @param retryAfterSeconds when a refused request could next succeed, rounded up to whole seconds */
    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }
}
