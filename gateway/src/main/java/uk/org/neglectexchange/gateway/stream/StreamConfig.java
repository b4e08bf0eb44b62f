package uk.org.neglectexchange.gateway.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.stream.*}: the event stream's timings and bounds (see gateway/README.md, "Event stream"). */
@ConfigMapping(prefix = "nx.stream")
public interface StreamConfig {

    /** A comment line this often keeps proxies and the client from timing the connection out. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Events one client may have waiting; a client that falls further behind is disconnected. */
    @WithDefault("1000")
    int clientBuffer();

    /** How long the journal keeps events for clients that reconnect with Last-Event-ID. */
    @WithDefault("30d")
    Duration retention();

    /** How often the journal forgets what is older than {@link #retention()} (read by {@code JournalRetention}). */
    @WithDefault("1h")
    Duration retentionCheck();

    /**
     * The longest a journalled event waits before this replica relays it when no notification arrives
     * (normally every commit notifies at once).
     */
    @WithDefault("1s")
    Duration pollInterval();
}
