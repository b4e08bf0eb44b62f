package uk.org.neglectexchange.assessment.chronology;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** An entry recorded against the wrong child: rectified, hidden from every reader but the DPO, announced, audited. */
@QuarkusTest
class RectificationTest {

    private static final String PATH = "/api/v1/children/{ref}/chronology/{id}/rectification";

    @Inject
    DataSource db;

    @Test
    void aRectifiedEntryIsHiddenFromEveryReaderButTheDataProtectionOfficer() throws Exception {
        String marker = "Wrong child " + System.nanoTime();
        String reason = "Reason " + System.nanoTime();
        String childRef = TestChildren.register("hscp-health");
        String entryId = as("hscp-police").body(ChronologyResourceTest.entry("POLICE_ATTENDANCE", LocalDate.now(), marker))
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201).extract().path("id");
        try (TopicReader events = TopicReader.outbox()) {
            // bad requests first: nothing is rectified by them
            as("hscp-education").body(Map.of("reason", reason)).when().post(PATH, childRef, entryId).then().statusCode(403);
            as("hscp-childrens-services").body(Map.of()).when().post(PATH, childRef, entryId)
                    .then().statusCode(422).body("errors[0].field", equalTo("reason"));
            as("hscp-childrens-services").body(Map.of("reason", " ")).when().post(PATH, childRef, entryId)
                    .then().statusCode(422).body("errors[0].field", equalTo("reason"));
            as("iowscp-childrens-services").body(Map.of("reason", reason)).when().post(PATH, childRef, entryId).then().statusCode(404);
            as("iowscp-dpo").body(Map.of("reason", reason)).when().post(PATH, childRef, entryId).then().statusCode(404);
            as("hscp-childrens-services").body(Map.of("reason", reason)).when().post(PATH, childRef, UUID.randomUUID()).then().statusCode(404);
            as("hscp-childrens-services").body(Map.of("reason", reason)).when().post(PATH, childRef, "not-an-id").then().statusCode(404);

            String key = "rectify-" + UUID.randomUUID();
            JsonPath first = as("hscp-dpo").header("Idempotency-Key", key).body(Map.of("reason", reason))
                    .when().post(PATH, childRef, entryId).then().statusCode(201)
                    .body("entryId", equalTo(entryId)).body("rectifiedByAgency", equalTo("DATA_PROTECTION")).extract().jsonPath();
            // a retry gets the first answer; any other request on a rectified entry a 409
            as("hscp-dpo").header("Idempotency-Key", key).body(Map.of("reason", reason)).when().post(PATH, childRef, entryId)
                    .then().statusCode(201).body("rectifiedAt", equalTo(first.getString("rectifiedAt")));
            as("hscp-childrens-services").body(Map.of("reason", reason)).when().post(PATH, childRef, entryId).then().statusCode(409);

            for (String reader : new String[] { "hscp-childrens-services", "hscp-police", "hscp-health" }) {
                String page = as(reader).when().get("/api/v1/children/{ref}/chronology", childRef).then().statusCode(200).extract().asString();
                JsonPath one = as(reader).when().get("/api/v1/children/{ref}/chronology/{id}", childRef, entryId)
                        .then().statusCode(200).extract().jsonPath();
                assertFalse(page.contains(marker) || page.contains(reason) || one.prettify().contains(marker), reader);
                assertEquals("RECTIFIED", one.getString("redaction.reason"), reader);
                assertEquals("DATA_PROTECTION", one.getString("redaction.rectifiedByAgency"));
                assertNull(one.getString("type"), "nothing of the entry but the marker");
            }
            JsonPath dpo = as("hscp-dpo").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, entryId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(marker, dpo.getString("summary"));
            assertEquals(reason, dpo.getString("rectification.reason"));

            ConsumerRecord<String, String> event = events.awaitEvent("chronology.entry-rectified", childRef, Duration.ofSeconds(20));
            assertFalse(event.value().contains(marker) || event.value().contains(reason), "no text, no reason");
            assertEquals("HSCP", header(event, "ce_partnership"));
            var data = new ObjectMapper().readTree(event.value());
            assertEquals(entryId, data.get("entryId").asText());
            assertEquals("POLICE", data.get("agency").asText());
            try (InputStream schema = getClass().getResourceAsStream("/events/chronology.entry-rectified.json")) {
                assertTrue(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                        .validate(data).isEmpty());
            }
        }
        // the rectification and its retry: each request is audited
        assertEquals(2, Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'chronology.rectify'"
                + " and outcome = 'SUCCESS' and client_id = 'hscp-dpo'", childRef));
        assertEquals(1, Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'chronology.rectify'"
                + " and outcome = 'DENIED'", childRef));
        // the chronology stays append-only: the entry's row is as it was
        assertEquals(1, Rows.count(db, "select count(*) from chronology_entry where id = ?::uuid and summary = ?", entryId, marker));
    }

    @Test
    void aRectifiedEntryNoLongerMakesItsAgencyInvolved() {
        String marker = "Involved " + System.nanoTime();
        String childRef = TestChildren.register("hscp-health");
        as("hscp-health").body(ChronologyResourceTest.entry("VISIT", LocalDate.now(), marker)).when()
                .post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201);
        String school = as("hscp-education").body(ChronologyResourceTest.entry("SCHOOL_ABSENCE", LocalDate.now(), "absent"))
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201).extract().path("id");
        assertTrue(as("hscp-education").when().get("/api/v1/children/{ref}/chronology", childRef).asString().contains(marker));
        as("hscp-childrens-services").body(Map.of("reason", "another pupil")).when().post(PATH, childRef, school).then().statusCode(201);
        assertFalse(as("hscp-education").when().get("/api/v1/children/{ref}/chronology", childRef).asString().contains(marker));
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/summary", childRef).then().statusCode(200)
                .body("agencies.agency", equalTo(List.of("HEALTH")));
    }
}
