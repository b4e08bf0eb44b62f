package uk.org.neglectexchange.gateway.dashboardpage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the dashboard page sends the user to sign in. The browser's address of Keycloak, which in a cluster is not
 * necessarily the address the gateway itself uses to fetch the realm's keys.
 */
@ConfigMapping(prefix = "nx.dashboard-page")
public interface DashboardPageConfig {

    /** Keycloak's base URL as the user's browser reaches it. */
    String authServerUrl();

    @WithDefault("neglect-exchange")
    String realm();

    /** A public client with the authorization code flow and PKCE (S256) required. */
    @WithDefault("dashboard-web")
    String clientId();
}
