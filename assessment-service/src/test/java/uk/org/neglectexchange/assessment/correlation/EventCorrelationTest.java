package uk.org.neglectexchange.assessment.correlation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.assessment.support.KeycloakTokens.bearer;
import static uk.org.neglectexchange.assessment.support.TopicReader.header;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.assessment.support.TopicReader;

/** The request id and trace of a request travel on the event it causes, as CloudEvents extensions. */
@QuarkusTest
class EventCorrelationTest {

    @ConfigProperty(name = "mp.messaging.outgoing.outbox.topic")
    String topic;

    @Test
    void eventCarriesTheRequestIdAndTraceOfTheRequestThatCausedIt() {
        String requestId = "agency-ref-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicReader reader = new TopicReader(topic)) {
            String childRef = register(given().header("X-Request-Id", requestId)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                    .header("X-Request-Id", requestId)
                    .extract().path("childRef");

            ConsumerRecord<String, String> registered = awaitRegistered(reader, childRef);
            assertEquals(requestId, header(registered, "ce_requestid"));
            String traceparent = header(registered, "ce_traceparent");
            // same trace; the parent is this service's span for the request, not the caller's
            assertEquals(traceId, traceparent.split("-")[1]);
            // the record's own trace header (the producer's span) continues the same trace
            assertEquals(traceId, header(registered, "traceparent").split("-")[1]);
        }
    }

    @Test
    void requestWithoutIdGetsOneThatTheEventCarries() {
        try (TopicReader reader = new TopicReader(topic)) {
            var response = register(given()).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract();
            ConsumerRecord<String, String> registered = awaitRegistered(reader, response.path("childRef"));
            assertEquals(response.header("X-Request-Id"), header(registered, "ce_requestid"));
        }
    }

    @Test
    void unusableRequestIdIsReplacedNotPassedOn() {
        try (TopicReader reader = new TopicReader(topic)) {
            var response = register(given().header("X-Request-Id", "bad\tid<script>"))
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract();
            ConsumerRecord<String, String> registered = awaitRegistered(reader, response.path("childRef"));
            assertEquals(response.header("X-Request-Id"), header(registered, "ce_requestid"));
        }
    }

    private static io.restassured.response.ValidatableResponse register(
            io.restassured.specification.RequestSpecification request) {
        return request.header("Authorization", bearer("hscp-health")).header("X-Practitioner-Id", "hv-1")
                .contentType(ContentType.JSON)
                .body(TestChildren.child(TestChildren.testNhsNumber(), "Ada", TestChildren.uniqueFamilyName(),
                        LocalDate.now().minusYears(2)))
                .when().post("/api/v1/children").then().statusCode(201);
    }

    private static ConsumerRecord<String, String> awaitRegistered(TopicReader reader, String childRef) {
        return reader.await(r -> childRef.equals(r.key()) && "child.registered".equals(header(r, "ce_type")),
                Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no child.registered for " + childRef));
    }
}
