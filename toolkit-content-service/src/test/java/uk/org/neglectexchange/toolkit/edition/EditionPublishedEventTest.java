package uk.org.neglectexchange.toolkit.edition;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** Publishing goes through the outbox to the real toolkit-events topic, as a CloudEvent that meets its contract. */
@QuarkusTest
class EditionPublishedEventTest {

    @Test
    void publishingEmitsAContractAbidingCloudEventKeyedByFamily() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String version = EditionResourceTest.openDraft();
            given().header("Authorization", bearer("hiow-toolkit-editor"))
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version)
                    .then().statusCode(200);

            ConsumerRecord<String, String> record = reader
                    .await(r -> ("HIOW/" + version).equals(header(r, "ce_subject")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no toolkit.edition.published event for HIOW " + version));

            assertEquals("HIOW", record.key());
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("toolkit.edition.published", header(record, "ce_type"));
            assertEquals("/neglect-exchange/toolkit-content-service", header(record, "ce_source"));
            assertTrue(header(record, "ce_id").matches("[0-9a-f-]{36}"));

            var data = new ObjectMapper().readTree(record.value());
            try (InputStream schema = getClass().getResourceAsStream("/events/toolkit.edition.published.json")) {
                var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
                assertTrue(errors.isEmpty(), () -> "event breaks its schema: " + errors);
            }
            assertEquals(version, data.get("version").asText());
            assertEquals("HIPS_7_3", data.at("/partnershipSettings/IOWSCP/escalation/code").asText());
        }
    }
}
