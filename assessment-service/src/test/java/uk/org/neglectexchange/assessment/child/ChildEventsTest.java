package uk.org.neglectexchange.assessment.child;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** What leaves on assessment-events meets its contract and carries no identity. */
@QuarkusTest
class ChildEventsTest {

    @Test
    void registrationAndAReadByAnotherAgencyAreAnnouncedWithoutIdentity() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String nhs = TestChildren.testNhsNumber();
            String family = TestChildren.uniqueFamilyName();
            String childRef = given().header("Authorization", bearer("iowscp-health")).header("X-Practitioner-Id", "hv-1")
                    .contentType(ContentType.JSON).body(TestChildren.child(nhs, "Ruby", family, LocalDate.now().minusYears(13)))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            given().header("Authorization", bearer("iowscp-police")).header("X-Purpose", "POLICE_ATTENDANCE")
                    .header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3").header("X-Consent", "NOT_SOUGHT")
                    .header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                    .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);

            ConsumerRecord<String, String> registered = await(reader, childRef, "child.registered");
            ConsumerRecord<String, String> accessed = await(reader, childRef, "child.record-accessed");
            for (ConsumerRecord<String, String> record : List.of(registered, accessed)) {
                assertEquals(childRef, record.key());
                assertEquals("IOWSCP", header(record, "ce_partnership"));
                assertEquals("/neglect-exchange/assessment-service", header(record, "ce_source"));
                assertValid(header(record, "ce_type"), record.value());
                assertFalse(record.value().contains(nhs) || record.value().contains(family) || record.value().contains("Ruby"),
                        "events carry no identity");
            }
            var data = new ObjectMapper().readTree(accessed.value());
            assertEquals("HEALTH", data.get("leadAgency").asText());
            assertEquals("POLICE", data.get("accessingAgency").asText());
            assertEquals("POLICE_ATTENDANCE", data.get("purpose").asText());
            assertEquals("RECORD", data.get("resource").asText());
            assertEquals("12_17", new ObjectMapper().readTree(registered.value()).get("ageBand").asText());
        }
    }

    @Test
    void eachPartOfTheRecordAnotherAgencyReadsIsNamedInTheAnnouncement() throws Exception {
        PublishedEditions.currentHiow();
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("hscp-health");
            String entryId = asLead("hscp-health").contentType(ContentType.JSON)
                    .body(Map.of("type", "MISSED_APPOINTMENT", "occurredOn", LocalDate.now().minusDays(1).toString(),
                            "summary", "Missed the 2-year review"))
                    .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201).extract().path("id");
            String assessmentId = asLead("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                    .then().statusCode(201).extract().path("id");

            // the school is not the lead agency: each read states its basis, and each is announced with what it read
            asSchool().when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
            asSchool().when().get("/api/v1/children/{ref}/chronology", childRef).then().statusCode(200);
            asSchool().when().get("/api/v1/children/{ref}/chronology/{id}", childRef, entryId).then().statusCode(200);
            asSchool().when().get("/api/v1/assessments/{id}", assessmentId).then().statusCode(200);
            asSchool().when().get("/api/v1/children/{ref}/household", childRef).then().statusCode(200);
            asSchool().when().get("/api/v1/children/{ref}/threshold-history", childRef).then().statusCode(200);

            List<String> resources = new ArrayList<>();
            for (int read = 0; read < 6; read++) {
                ConsumerRecord<String, String> accessed = await(reader, childRef, "child.record-accessed");
                assertValid("child.record-accessed", accessed.value());
                var data = new ObjectMapper().readTree(accessed.value());
                assertEquals("HEALTH", data.get("leadAgency").asText());
                assertEquals("EDUCATION", data.get("accessingAgency").asText());
                assertEquals("hscp-education", data.get("accessingClient").asText());
                resources.add(data.get("resource").asText());
            }
            assertEquals(List.of("RECORD", "CHRONOLOGY", "CHRONOLOGY", "ASSESSMENT", "HOUSEHOLD", "LEVEL_HISTORY"), resources);
        }
    }

    @Test
    void theLeadAgencyReadingItsOwnRecordIsNotAnnounced() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("wsscp-education");
            given().header("Authorization", bearer("wsscp-education"))
                    .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
            given().header("Authorization", bearer("wsscp-education"))
                    .when().get("/api/v1/children/{ref}/household", childRef).then().statusCode(200);
            given().header("Authorization", bearer("wsscp-education"))
                    .when().get("/api/v1/children/{ref}/threshold-history", childRef).then().statusCode(200);
            await(reader, childRef, "child.registered");
            assertTrue(reader.await(r -> childRef.equals(r.key()) && "child.record-accessed".equals(header(r, "ce_type")),
                    Duration.ofSeconds(3)).isEmpty());
        }
    }

    private static RequestSpecification asLead(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "hv-1");
    }

    private static RequestSpecification asSchool() {
        return given().header("Authorization", bearer("hscp-education")).header("X-Practitioner-Id", "dsl-1")
                .header("X-Purpose", "SCHOOL_WELFARE").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION");
    }

    private static ConsumerRecord<String, String> await(TopicReader reader, String childRef, String type) {
        return reader.await(r -> childRef.equals(r.key()) && type.equals(header(r, "ce_type")), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + childRef));
    }

    private void assertValid(String type, String data) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(new ObjectMapper().readTree(data));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
    }
}
