package uk.org.neglectexchange.gateway.apidocs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the combined OpenAPI document at /q/openapi is gathered from the services. */
@ConfigMapping(prefix = "nx.apidocs")
public interface ApiDocsConfig {

    /** Short: a service that is down must not hold up the documentation of the others. */
    @WithDefault("2S")
    Duration fetchTimeout();

    /** Spares the services a fetch per page view of Swagger UI, yet shows a redeployed service soon. */
    @WithDefault("30S")
    Duration cacheFor();

    /** The realm's OpenID Connect discovery document, named by the single security scheme. */
    String openIdConnectUrl();
}
