package uk.org.neglectexchange.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Per-client token buckets with real Keycloak tokens. {@code wsscp-education} has its own tiny allowance in the test
 * profile (burst 3, one request per 100 s), which no other test uses; everyone else has the default (burst 200).
 * The path is one the gateway answers itself (404), so no service is involved.
 */
@QuarkusTest
class RateLimitTest {

    private static final String THROTTLED = "wsscp-education";
    private static final String PATH = "/api/v1/no-such-thing";

    @Test
    void burstOverTheClientsOwnLimitIsRefusedWhileOtherClientsGoOn() {
        String token = bearer(THROTTLED);
        for (int remaining = 2; remaining >= 0; remaining--) {
            request(token).statusCode(404)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }

        String retryAfter = request(token).statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/too-many-requests"))
                .body("title", equalTo("Too Many Requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo(PATH))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("X-Request-Id", notNullValue())
                .extract().header("Retry-After");
        // one token comes back every 100 s: the client is told to wait for it, in whole seconds
        assertEquals(true, Integer.parseInt(retryAfter) > 1 && Integer.parseInt(retryAfter) <= 100, retryAfter);

        // the override is that client's alone: another client has the default allowance and is not refused
        request(bearer("hscp-health")).statusCode(404)
                .header("RateLimit-Limit", "200")
                .header("RateLimit-Remaining", notNullValue());
    }

    @Test
    void forgedTokenNamingTheThrottledClientIsRefusedAsUnauthorizedAndCountedByAddress() {
        // azp says wsscp-education, but the signature is not Keycloak's: it must not touch that client's bucket
        String forged = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhenAiOiJ3c3NjcC1lZHVjYXRpb24ifQ.bm90LXNpZ25lZA";
        ValidatableResponse refused = request(forged).statusCode(401)
                .header("RateLimit-Limit", "200");
        assertEquals(true, Integer.parseInt(refused.extract().header("RateLimit-Remaining")) >= 0);
    }

    @Test
    void requestWithoutTokenCarriesTheAddressAllowance() {
        given().when().get(PATH).then().statusCode(401)
                .header("RateLimit-Limit", "200")
                .header("RateLimit-Remaining", notNullValue());
    }

    @Test
    void publicPathsAreNotLimited() {
        given().when().get("/q/openapi-gateway").then().statusCode(200)
                .header("RateLimit-Limit", nullValue());
    }

    private static ValidatableResponse request(String authorization) {
        return given().header("Authorization", authorization).when().get(PATH).then();
    }
}
