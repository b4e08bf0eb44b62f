package uk.org.neglectexchange.gateway.limits;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** What one client may send through the gateway: how often, and how much. */
@ConfigMapping(prefix = "nx.limits")
public interface LimitsConfig {

    /** Applies to every client without an entry of its own, and to requests without a verified token. */
    @WithName("default")
    Rate defaults();

    /** Keyed by the client id (the token's azp): a value left out falls back to the default. */
    Map<String, ClientRate> clients();

    /** Larger bodies are refused with 413, whether announced by Content-Length or streamed in chunks. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** All request headers together; larger is 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** Past this many tracked clients, idle buckets are dropped at once instead of at the next sweep. */
    @WithDefault("100000")
    int maxTrackedClients();

    interface Rate {

        /** Sustained rate: tokens added to the bucket per second. */
        @WithDefault("100")
        double requestsPerSecond();

        /** Bucket size: how many requests may arrive at once after a quiet spell. */
        @WithDefault("200")
        long burst();
    }

    interface ClientRate {

        OptionalDouble requestsPerSecond();

        OptionalLong burst();
    }
}
