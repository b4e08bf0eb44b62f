package uk.org.neglectexchange.toolkit.correlation;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.RequestCorrelation;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.toolkit.edition.EditionResourceTest;

/**
 * The publication request's id and trace travel on toolkit.edition.published as CloudEvents extensions (how any
 * request's do, with or without an id of its own, the platform's EventCorrelationTest shows).
 */
@QuarkusTest
class EventCorrelationTest {

    @Test
    void publishedEventCarriesTheRequestIdAndTraceOfThePublication() {
        RequestCorrelation correlation = RequestCorrelation.fresh("editor-");
        try (TopicReader reader = TopicReader.outbox()) {
            String version = EditionResourceTest.openDraft();
            correlation.on(given().header("Authorization", bearer("hiow-toolkit-editor")))
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version)
                    .then().statusCode(200).header("X-Request-Id", correlation.requestId());

            ConsumerRecord<String, String> record = reader
                    .await(r -> ("HIOW/" + version).equals(header(r, "ce_subject")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no toolkit.edition.published event for HIOW " + version));
            correlation.assertCarriedBy(record);
            correlation.assertProducedInTheTrace(record);
        }
    }
}
