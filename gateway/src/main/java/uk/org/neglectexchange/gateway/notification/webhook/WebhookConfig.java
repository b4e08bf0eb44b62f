package uk.org.neglectexchange.gateway.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code nx.notifications.webhooks.*}: where webhooks may go and how hard the gateway tries to deliver them. Every
 * key under the prefix must be declared here, even one read elsewhere with {@code @ConfigProperty}: SmallRye Config
 * refuses to start on a key under a mapping's prefix that the mapping does not know.
 */
@ConfigMapping(prefix = "nx.notifications.webhooks")
public interface WebhookConfig {

    /**
     * Networks (CIDR, e.g. {@code 127.0.0.0/8}, {@code ::1/128}) a webhook may reach although they are private,
     * loopback or link-local; empty in production. Optional because SmallRye Config has no empty default for a list.
     */
    Optional<List<String>> allowedNetworks();

    /** Whether plain http is allowed at all, and then only to {@link #allowedNetworks()} (the local suite's receivers). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** The most one delivery attempt may take, connecting included. */
    @WithDefault("10s")
    Duration timeout();

    /** The most of a response body read; only the status matters, so a receiver cannot make us read more. */
    @WithDefault("65536")
    int maxResponseBytes();

    /** Longer URLs are refused when a subscription is made. */
    @WithDefault("2000")
    int maxUrlLength();

    /** Connections open at once to one receiver. */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Delays before each retry after a failed attempt: the schedule Standard Webhooks suggests, about 27.6 hours
     * in total, so a receiver that is down for a day still gets everything.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each retry delay varies by up to this fraction either way, so failed deliveries do not retry in lockstep. */
    @WithDefault("0.2")
    double jitter();

    /** How often the delivery worker looks for retries falling due (read by {@code DeliveryWorker}). */
    @WithDefault("1s")
    Duration pollInterval();

    /** A subscription failing for this long is disabled (read by {@code Subscriptions}). */
    @WithDefault("3d")
    Duration disableAfter();
}
