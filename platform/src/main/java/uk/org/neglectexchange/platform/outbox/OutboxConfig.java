package uk.org.neglectexchange.platform.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the relay publishes: {@code nx.outbox.*}. The poll interval is read by the relay's schedule itself. */
@ConfigMapping(prefix = "nx.outbox")
public interface OutboxConfig {

    /** Rows taken, sent and marked published in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before it gives up and retries it. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** The safety-net poll for events whose commit-time wake-up was missed. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * Topics by event type, for events that do not go to the service's own topic (the outbox channel's): every
     * service's {@code audit.recorded} goes to the one audit topic (platform microprofile-config.properties).
     */
    Map<String, String> topics();
}
