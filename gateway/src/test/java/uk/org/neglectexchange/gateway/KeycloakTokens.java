package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the running Keycloak (client-credentials grant), for the clients of the local realm in
 * deploy/keycloak. Their secrets are dev-only and follow the realm file's convention {@code <clientId>-secret}.
 * Tokens are cached per client: they live for minutes, a test run for seconds.
 */
public final class KeycloakTokens {

    public static final String HSCP_HEALTH = "hscp-health";
    public static final String HSCP_DASHBOARD = "hscp-dashboard";
    public static final String HIOW_TOOLKIT_EDITOR = "hiow-toolkit-editor";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    public static String accessToken(String clientId) {
        return CACHE.computeIfAbsent(clientId, KeycloakTokens::fetch);
    }

    /** "Bearer ..." ready for the Authorization header. */
    public static String bearer(String clientId) {
        return "Bearer " + accessToken(clientId);
    }

    private static String fetch(String clientId) {
        // The realm the application under test trusts, so tests and application cannot disagree about it.
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .when().post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
