package uk.org.neglectexchange.systemtests.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import uk.org.neglectexchange.systemtests.SuiteProcesses;

/**
 * Real access tokens from the running Keycloak, by the client-credentials grant of the realm's dev clients. A copy of
 * the gateway's own test class of the same name, reading the realm from the environment as the suite's processes do.
 */
public final class KeycloakTokens {

    public static final String HSCP_HEALTH = "hscp-health";
    public static final String HSCP_DASHBOARD = "hscp-dashboard";
    public static final String HIOW_TOOLKIT_EDITOR = "hiow-toolkit-editor";

    /** Tokens live 300 s; a cached one is refreshed well before that. */
    private static final Duration REUSE_FOR = Duration.ofSeconds(200);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private KeycloakTokens() {
    }

    public static String tokenFor(String clientId) {
        return CACHE.compute(clientId, (id, issued) -> issued != null && issued.at().plus(REUSE_FOR).isAfter(Instant.now())
                ? issued
                : new Issued(given()
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", id)
                        .formParam("client_secret", id + "-secret")
                        .when().post(realmUrl() + "/protocol/openid-connect/token")
                        .then().statusCode(200)
                        .extract().path("access_token"), Instant.now())).token();
    }

    public static String bearer(String clientId) {
        return "Bearer " + tokenFor(clientId);
    }

    private static String realmUrl() {
        return SuiteProcesses.realmUrl();
    }
}
