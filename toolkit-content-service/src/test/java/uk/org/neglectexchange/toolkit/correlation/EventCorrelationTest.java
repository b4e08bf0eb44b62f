package uk.org.neglectexchange.toolkit.correlation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.toolkit.support.KeycloakTokens.bearer;
import static uk.org.neglectexchange.toolkit.support.TopicReader.header;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.toolkit.edition.EditionResourceTest;
import uk.org.neglectexchange.toolkit.support.TopicReader;

/** The publication request's id and trace travel on toolkit.edition.published as CloudEvents extensions. */
@QuarkusTest
class EventCorrelationTest {

    @ConfigProperty(name = "mp.messaging.outgoing.outbox.topic")
    String topic;

    @Test
    void publishedEventCarriesTheRequestIdAndTraceOfThePublication() {
        String requestId = "editor-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicReader reader = new TopicReader(topic)) {
            String version = EditionResourceTest.openDraft();
            given().header("Authorization", bearer("hiow-toolkit-editor"))
                    .header("X-Request-Id", requestId)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version)
                    .then().statusCode(200).header("X-Request-Id", requestId);

            ConsumerRecord<String, String> record = reader
                    .await(r -> ("HIOW/" + version).equals(header(r, "ce_subject")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no toolkit.edition.published event for HIOW " + version));
            assertEquals(requestId, header(record, "ce_requestid"));
            assertEquals(traceId, header(record, "ce_traceparent").split("-")[1]);
            assertEquals(traceId, header(record, "traceparent").split("-")[1]);
        }
    }
}
