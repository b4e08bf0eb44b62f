package uk.org.neglectexchange.platform.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the running Keycloak, by the client-credentials grant of the realm's dev clients (secret:
 * the client id and "-secret").
 */
public final class KeycloakTokens {

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

    /** The Authorization header's value: "Bearer " and the client's token. */
    public static String bearer(String clientId) {
        return "Bearer " + tokenFor(clientId);
    }

    /** The realm the services and the gateway trust: {@code NX_KEYCLOAK_URL}, as their own configuration reads it. */
    private static String realmUrl() {
        return System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180") + "/realms/neglect-exchange";
    }
}
