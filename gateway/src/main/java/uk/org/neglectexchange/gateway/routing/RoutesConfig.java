package uk.org.neglectexchange.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which service answers which part of {@code /api/v1}: the first path segment after {@code /api/v1/} picks the
 * service. Set in application.properties; base URLs come from environment variables.
 */
@ConfigMapping(prefix = "nx.routes")
public interface RoutesConfig {

    /** Keyed by the service's short name ("assessment"), which also appears in 503 problem details. */
    Map<String, Service> services();

    /** Segments the gateway answers itself (server-sent events, dashboards): not proxied, not unknown either. */
    Set<String> servedByGateway();

    interface Service {

        /** http://host:port only (no TLS between gateway and services); the request path is passed on unchanged. */
        URI url();

        /** First path segments after /api/v1/ that this service owns. */
        List<String> segments();

        @WithDefault("2S")
        Duration connectTimeout();

        /** How long the service may stay silent (before answering, or between chunks) before a 504. */
        @WithDefault("10S")
        Duration responseTimeout();
    }
}
