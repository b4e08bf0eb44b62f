package uk.org.neglectexchange.platform.correlation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.testsupport.RequestCorrelation;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.platform.testsupport.events.Topics;

/**
 * The request id and trace of a request travel on the event it causes, as the CloudEvents extensions requestid and
 * traceparent: a request's own id if it sent a usable one, else the new one its answer names. Shown once here, with
 * the test application's {@code /probe/events} (which appends to the outbox); a service's tests show it for an
 * event of their own.
 */
@QuarkusTest
class EventCorrelationTest {

    @BeforeAll
    static void theTestApplicationsTopicExists() {
        Topics.ensure(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Map.of(ConfigProvider.getConfig().getValue("mp.messaging.outgoing.outbox.topic", String.class), 1));
    }

    @Test
    void eventCarriesTheRequestIdAndTraceOfTheRequestThatCausedIt() {
        RequestCorrelation correlation = RequestCorrelation.fresh("agency-ref-");
        try (TopicReader reader = TopicReader.outbox()) {
            String ref = happen(correlation.on(given())).header("X-Request-Id", correlation.requestId()).extract().path("ref");
            ConsumerRecord<String, String> event = reader.awaitEvent("probe.happened", ref, Duration.ofSeconds(15));
            correlation.assertCarriedBy(event);
            correlation.assertProducedInTheTrace(event);
        }
    }

    @Test
    void requestWithoutIdGetsOneThatTheEventCarries() {
        try (TopicReader reader = TopicReader.outbox()) {
            assertTheEventCarriesTheAnswersRequestId(reader, happen(given())
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract());
        }
    }

    @Test
    void unusableRequestIdIsReplacedNotPassedOn() {
        try (TopicReader reader = TopicReader.outbox()) {
            assertTheEventCarriesTheAnswersRequestId(reader, happen(given().header("X-Request-Id", "bad\tid<script>"))
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract());
        }
    }

    private static void assertTheEventCarriesTheAnswersRequestId(TopicReader reader, ExtractableResponse<Response> answer) {
        ConsumerRecord<String, String> event = reader.awaitEvent("probe.happened", answer.path("ref"), Duration.ofSeconds(15));
        assertEquals(answer.header("X-Request-Id"), header(event, "ce_requestid"));
    }

    private static io.restassured.response.ValidatableResponse happen(RequestSpecification request) {
        return request.when().post("/probe/events").then().statusCode(200);
    }
}
