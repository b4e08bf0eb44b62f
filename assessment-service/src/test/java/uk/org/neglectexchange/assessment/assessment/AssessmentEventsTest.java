package uk.org.neglectexchange.assessment.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.as;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.complete;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribute;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribution;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.observation;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.open;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** assessment.started, assessment.completed and threshold.changed, read from the real topic and held to their schemas. */
@QuarkusTest
class AssessmentEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAssessmentsLifeIsAnnouncedWithCodesAndDatesOnly() throws Exception {
        String edition = PublishedEditions.currentHiow();
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("hscp-health");
            String v1 = open("hscp-health", childRef);
            contribute("hscp-health", v1, contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 4))));
            contribute("hscp-education", v1, contribution(List.of(observation(AssessmentResourceTest.HYGIENE, 3))));
            complete("hscp-childrens-services", v1, 3);
            String v2 = as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v1)
                    .then().statusCode(201).extract().path("id");
            complete("hscp-childrens-services", v2, 4);

            JsonNode started = data(reader, childRef, "assessment.started", v1);
            assertEquals(v1, started.get("assessmentId").asText());
            assertEquals("HSCP", started.get("partnership").asText());
            assertEquals("HEALTH", started.get("agency").asText());
            assertEquals("HIOW", started.get("toolkitFamily").asText());
            assertEquals(edition, started.get("toolkitVersion").asText());
            assertEquals("0_4", started.get("ageBand").asText());
            assertEquals(1, started.get("version").asInt());
            assertTrue(started.get("amends").isNull());

            JsonNode completed = data(reader, childRef, "assessment.completed", v1);
            assertEquals("DISORGANISED", completed.get("primaryCategory").asText());
            assertEquals("[\"EMOTIONAL\"]", completed.get("otherCategories").toString());
            assertEquals(3, completed.get("thresholdLevel").asInt());
            assertEquals("[\"EDUCATION\",\"HEALTH\"]", completed.get("contributingAgencies").toString());

            JsonNode first = data(reader, childRef, "threshold.changed", v1);
            assertTrue(first.get("fromLevel").isNull());
            assertEquals(3, first.get("toLevel").asInt());

            JsonNode amendment = data(reader, childRef, "assessment.started", v2);
            assertEquals(2, amendment.get("version").asInt());
            assertEquals(v1, amendment.get("amends").asText());
            assertEquals(v1, amendment.get("seriesId").asText());
            assertEquals(2, data(reader, childRef, "assessment.completed", v2).get("version").asInt());
            JsonNode second = data(reader, childRef, "threshold.changed", v2);
            assertEquals(3, second.get("fromLevel").asInt());
            assertEquals(4, second.get("toLevel").asInt());
        }
    }

    @Test
    void aProposedLevelIsAnnouncedAsAProposalAndNotAsALevel() throws Exception {
        PublishedEditions.currentHiow();
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("hscp-health");
            String id = open("hscp-health", childRef);
            contribute("hscp-health", id, contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 5))));
            as("hscp-police").body(AssessmentResourceTest.completion(4)).when().post("/api/v1/assessments/{id}/completion", id)
                    .then().statusCode(200);

            JsonNode proposed = data(reader, childRef, "assessment.level-proposed", id);
            assertEquals(4, proposed.get("proposedLevel").asInt());
            assertEquals("POLICE", proposed.get("proposedByAgency").asText());
            assertEquals("[\"CHILDRENS_SERVICES\"]", proposed.get("decidingAgencies").toString());
            // the proposal is neither a completion nor a level change for the consumers
            assertTrue(reader.await(r -> childRef.equals(r.key()) && List.of("assessment.completed", "threshold.changed")
                    .contains(header(r, "ce_type")), Duration.ofSeconds(3)).isEmpty());

            as("hscp-childrens-services").body(Map.of("level", 4, "reason", "Confirmed at the front door"))
                    .when().post("/api/v1/assessments/{id}/level-decision", id).then().statusCode(200);
            assertEquals(4, data(reader, childRef, "assessment.completed", id).get("thresholdLevel").asInt());
            assertEquals(4, data(reader, childRef, "threshold.changed", id).get("toLevel").asInt());
        }
    }

    /** The next event of this type for the child and assessment, after checking its headers, schema and content. */
    private JsonNode data(TopicReader reader, String childRef, String type, String assessmentId) throws Exception {
        ConsumerRecord<String, String> record = reader.await(r -> childRef.equals(r.key()) && type.equals(header(r, "ce_type"))
                && r.value().contains(assessmentId), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + assessmentId));
        assertEquals(childRef, header(record, "ce_subject"));
        assertEquals("HSCP", header(record, "ce_partnership"));
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(json.readTree(record.value()));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
        for (String freeText : List.of("Food cupboard", "Mother asks", "Health visitor record", "Grandmother", "Needs met",
                "seen at home", "p-hscp")) {
            assertFalse(record.value().contains(freeText), () -> type + " carries free text or a practitioner");
        }
        Map<?, ?> fields = json.readValue(record.value(), Map.class);
        assertFalse(fields.containsKey("rationale") || fields.containsKey("childsVoice"));
        return json.readTree(record.value());
    }
}
