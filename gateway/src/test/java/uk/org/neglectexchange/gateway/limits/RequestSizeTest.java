package uk.org.neglectexchange.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.gateway.KeycloakTokens.HSCP_HEALTH;
import static uk.org.neglectexchange.gateway.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bodies announced over nx.limits.max-body-size (1 MiB) and headers over nx.limits.max-header-size (16 KiB) are
 * refused by the gateway itself with problem+json. Bodies sent in chunks are counted while they stream to a service:
 * {@link UpstreamBehaviourTest}.
 */
@QuarkusTest
class RequestSizeTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void bodyOverTheLimitIsContentTooLarge() {
        given().header("Authorization", bearer(HSCP_HEALTH)).contentType("application/json")
                .body(new byte[ONE_MIB + 1])
                .when().post("/api/v1/escalations")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/request-entity-too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than the 1048576 bytes the API accepts"))
                .body("instance", equalTo("/api/v1/escalations"));
    }

    @Test
    void bodyAtTheLimitGoesOnToTheService() {
        // the service is not running in this test: 503 shows the gateway let the body through
        given().header("Authorization", bearer(HSCP_HEALTH)).contentType("application/json")
                .body(new byte[ONE_MIB])
                .when().post("/api/v1/escalations")
                .then().statusCode(503);
    }

    @Test
    void headersOverTheLimitAreRequestHeaderFieldsTooLarge() {
        given().header("Authorization", bearer(HSCP_HEALTH)).header("X-Padding", "a".repeat(20_000))
                .when().get("/api/v1/escalations")
                .then().statusCode(431)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/request-header-fields-too-large"))
                .body("status", equalTo(431));
    }
}
