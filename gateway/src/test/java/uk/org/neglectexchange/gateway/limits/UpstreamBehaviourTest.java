package uk.org.neglectexchange.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture;

/**
 * The gateway in front of stand-in services ({@link TestUpstreams}): what reaches a service, a body streamed in
 * chunks past the limit, and a service that never answers. The client gives up after 15 s, so a hang fails the test
 * instead of stalling the build.
 */
@QuarkusTest
@QuarkusTestResource(value = TestUpstreams.class, restrictToAnnotatedClass = true)
class UpstreamBehaviourTest {

    private static final RestAssuredConfig GIVE_UP_AFTER_15_S = RestAssured.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 15_000)
                    .setParam("http.connection.timeout", 15_000));
    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void serviceThatNeverAnswersIsGatewayTimeout() {
        api().when().get("/api/v1/escalations")
                .then().statusCode(504)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/gateway-timeout"))
                .body("detail", equalTo("the escalation service did not answer in time"))
                .body("instance", equalTo("/api/v1/escalations"));
    }

    @Test
    void requestsBeyondAServicesConnectionsAndQueueAreServiceUnavailableAtOnce() throws Exception {
        // 50 connections and 100 waiting (ServiceProxy) to the service that never answers: the 10 beyond them are
        // refused as busy instead of waiting out the timeout with the rest (the fault run's gateway fell behind so)
        int beyond = 10;
        String token = bearer("hscp-health");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).build()) {
            for (int i = 0; i < 50 + 100 + beyond; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/escalations")).timeout(Duration.ofSeconds(15)).header("Authorization", token).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> busy = answers.stream().map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 503).toList();
            // the service never answers: without the bounded queue every one of them is a 504 after its timeout
            assertTrue(busy.size() >= beyond, "503s: " + busy.size());
            assertEquals("1", busy.get(0).headers().firstValue("Retry-After").orElse(null));
            assertTrue(busy.get(0).headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(busy.get(0).body().contains("the escalation service is busy; try again shortly"), busy.get(0).body());
        }
    }

    @Test
    void serviceRefusingConnectionsIsServiceUnavailable() {
        // assessment still points at a closed port in this test
        api().when().get("/api/v1/children/C-1")
                .then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("the assessment service is not answering"));
    }

    @Test
    void requestIdIsGeneratedWhenAbsentAndPassedToTheService() {
        var response = api().when().get("/api/v1/toolkits/HIOW/editions/current").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract();
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void callersRequestIdAndTraceGoOnToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        JsonPath seen = api().header("X-Request-Id", "agency-ref-7")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/toolkits/HIOW/editions/current")
                .then().statusCode(200).header("X-Request-Id", "agency-ref-7")
                .extract().jsonPath();
        assertEquals("agency-ref-7", seen.getString("headers.x-request-id"));
        // same trace; the parent is the gateway's own span for this hop
        assertEquals(traceId, seen.getString("headers.traceparent").split("-")[1]);
    }

    @Test
    void chunkedBodyWithinTheLimitStreamsToTheService() throws Exception {
        HttpResponse<String> response = postChunked(ONE_MIB / 2);
        assertEquals(200, response.statusCode());
        JsonPath seen = JsonPath.from(response.body());
        assertEquals("chunked", seen.getString("headers.transfer-encoding"));
        assertEquals(ONE_MIB / 2, seen.getInt("bodyBytes"));
    }

    @Test
    void chunkedBodyPastTheLimitIsContentTooLarge() throws Exception {
        HttpResponse<String> response = postChunked(ONE_MIB + 64 * 1024);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals("https://neglect-exchange.example/problems/request-entity-too-large", problem.getString("type"));
        assertEquals("/api/v1/toolkits/{value}/editions", problem.getString("instance"));
    }

    /** REST Assured sends a stream with its length; the JDK client streams a body of unknown length in chunks. */
    private static HttpResponse<String> postChunked(int bytes) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                            + "/api/v1/toolkits/HIOW/editions"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", bearer("hscp-health"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes])))
                    .build();
            return PrivacyScanCapture.received(client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
    }

    private static RequestSpecification api() {
        return given().config(GIVE_UP_AFTER_15_S).header("Authorization", bearer("hscp-health"));
    }
}
