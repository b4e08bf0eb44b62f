package uk.org.neglectexchange.toolkit.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
            // the seed's who-decides-a-level setting travels with the edition to assessment-service
            assertEquals("[\"CHILDRENS_SERVICES\"]", data.at("/partnershipSettings/IOWSCP/levelDecisions/4").toString());
        }
    }

    @Test
    void theEventCarriesTheEditionsAlertApproachesAndAMappingOfUnknownCodesIsNotPublished() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String version = EditionResourceTest.openDraft();
            Map<String, Object> content = EditionResourceTest.contentOf(version);
            @SuppressWarnings("unchecked")
            String guidance = ((java.util.List<Map<String, Object>>) content.get("guidance")).get(0).get("code").toString();
            content.put("alertApproaches", Map.of("driftRules", Map.of("D1", Map.of("approach", "NOT_AN_APPROACH"))));
            given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(ContentType.JSON).body(content)
                    .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", version).then().statusCode(200);
            given().header("Authorization", bearer("hiow-toolkit-editor"))
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("content.alertApproaches.driftRules.D1.approach"));

            content.put("alertApproaches", Map.of(
                    "driftRules", Map.of("D1", Map.of("approach", "HEAR_THE_CHILD", "guidance", guidance),
                            "D6", Map.of("approach", "TAKE_LONG_TERM_VIEW")),
                    "escalation", Map.of("approach", "ESCALATE_AND_CHAMPION")));
            given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(ContentType.JSON).body(content)
                    .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", version).then().statusCode(200);
            given().header("Authorization", bearer("hiow-toolkit-editor"))
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version).then().statusCode(200);

            ConsumerRecord<String, String> record = reader
                    .await(r -> ("HIOW/" + version).equals(header(r, "ce_subject")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no toolkit.edition.published event for HIOW " + version));
            var data = new ObjectMapper().readTree(record.value());
            try (InputStream schema = getClass().getResourceAsStream("/events/toolkit.edition.published.json")) {
                var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
                assertTrue(errors.isEmpty(), () -> "event breaks its schema: " + errors);
            }
            assertEquals("HEAR_THE_CHILD", data.at("/alertApproaches/driftRules/D1/code").asText());
            assertEquals("Hear the child", data.at("/alertApproaches/driftRules/D1/name").asText());
            assertEquals("/api/v1/toolkits/HIOW/editions/" + version + "/guidance/" + guidance,
                    data.at("/alertApproaches/driftRules/D1/guidanceLink").asText());
            assertTrue(!data.at("/alertApproaches/driftRules/D6/guidanceLink").isTextual(), "no guidance mapped, no link");
            assertTrue(data.at("/alertApproaches/driftRules/D2").isMissingNode(), "a rule left out has no approach");
            assertEquals("ESCALATE_AND_CHAMPION", data.at("/alertApproaches/escalation/code").asText());
        }
    }
}
