package uk.org.neglectexchange.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture;

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
        given().header("Authorization", bearer("hscp-health")).contentType("application/json")
                .body(new byte[ONE_MIB + 1])
                .when().post("/api/v1/escalations")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/request-entity-too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than the 1048576 bytes the API accepts"))
                .body("instance", equalTo("/api/v1/escalations"))
                .header("Connection", "close");
    }

    @Test
    void after413TheConnectionIsClosedSoTheClientsNextRequestIsAnswered() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/escalations");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = PrivacyScanCapture.received(http.send(HttpRequest.newBuilder(uri).header("Authorization", bearer("hscp-health"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * ONE_MIB])).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertEquals(413, refused.statusCode());
            assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
            // the service is not running: a 503 is the gateway answering the next request on a new connection
            HttpResponse<String> next = PrivacyScanCapture.received(http.send(HttpRequest.newBuilder(uri).header("Authorization", bearer("hscp-health"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertEquals(503, next.statusCode());
        }
    }

    @Test
    void aUriOverTheLimitIsUriTooLongProblemWithoutEchoingIt() {
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/children/9434765919/chronology?q=" + "a".repeat(5000))
                .then().statusCode(414)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/uri-too-long"))
                .body("status", equalTo(414))
                .body("instance", equalTo("/api/v1/children/{value}/chronology"));
    }

    @Test
    void bodyAtTheLimitGoesOnToTheService() {
        // the service is not running in this test: 503 shows the gateway let the body through
        given().header("Authorization", bearer("hscp-health")).contentType("application/json")
                .body(new byte[ONE_MIB])
                .when().post("/api/v1/escalations")
                .then().statusCode(503);
    }

    @Test
    void headersOverTheLimitAreRequestHeaderFieldsTooLarge() {
        given().header("Authorization", bearer("hscp-health")).header("X-Padding", "a".repeat(20_000))
                .when().get("/api/v1/escalations")
                .then().statusCode(431)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/request-header-fields-too-large"))
                .body("status", equalTo(431));
    }
}
