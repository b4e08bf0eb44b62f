package uk.org.neglectexchange.assessment.merge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class ChildMergeTest {

    private static final LocalDate BORN = LocalDate.now().minusYears(6);

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "sw-0042")
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    /** One child registered twice: once by health with the NHS number, once by the police with a misspelt name. */
    private record Duplicates(String surviving, String duplicate, String nhsNumber, String familyName) {
    }

    private static Duplicates registeredTwice(String partnership) {
        String nhs = TestChildren.testNhsNumber();
        String family = TestChildren.uniqueFamilyName();
        String surviving = register(partnership + "-health", TestChildren.child(nhs, "Ellie", family, BORN));
        String duplicate = register(partnership + "-police", TestChildren.child(null, "Elly", family + "e", BORN));
        return new Duplicates(surviving, duplicate, nhs, family);
    }

    private static String register(String clientId, Map<String, Object> child) {
        return as(clientId).body(child).when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
    }

    private static void addEntry(String clientId, String childRef, String type, String summary) {
        as(clientId).body(Map.of("type", type, "occurredOn", LocalDate.now().minusDays(3).toString(), "summary", summary))
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201);
    }

    private static Map<String, Object> merge(String duplicateRef) {
        return Map.of("duplicateChildRef", duplicateRef, "reason", "Same child: health and police registered her apart");
    }

    @Test
    void theDuplicatesRecordMovesToTheSurvivorAndItsRefPointsThere() throws Exception {
        Duplicates child = registeredTwice("wsscp");
        addEntry("wsscp-health", child.surviving(), "VISIT", "Seen at home, weight below the 2nd centile");
        addEntry("wsscp-police", child.duplicate(), "POLICE_ATTENDANCE", "Attended: children home alone overnight");
        String assessment = as("wsscp-police").when().post("/api/v1/children/{ref}/assessments", child.duplicate())
                .then().statusCode(201).extract().path("id");

        try (TopicReader reader = TopicReader.outbox()) {
            as("wsscp-childrens-services").body(merge(child.duplicate()))
                    .when().post("/api/v1/children/{ref}/merges", child.surviving())
                    .then().statusCode(201)
                    .body("mergedChildRef", equalTo(child.duplicate())).body("survivingChildRef", equalTo(child.surviving()))
                    .body("moved.chronologyEntries", equalTo(1)).body("moved.assessments", equalTo(1))
                    .body("mergedByAgency", equalTo("CHILDRENS_SERVICES"));

            ConsumerRecord<String, String> record = reader.await(
                    r -> child.duplicate().equals(r.key()) && "child.merged".equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no child.merged event for " + child.surviving()));
            assertEquals("WSSCP", header(record, "ce_partnership"));
            assertEquals(child.surviving(), header(record, "ce_subject"));
            assertValid("child.merged", record.value());
            var data = new ObjectMapper().readTree(record.value());
            assertEquals(child.duplicate(), data.get("mergedChildRef").asText());
            assertEquals(child.surviving(), data.get("survivingChildRef").asText());
            assertFalse(record.value().contains(child.nhsNumber()) || record.value().contains(child.familyName()),
                    "events carry no identity");
        }

        // one chronology, one assessment, on the surviving record
        as("wsscp-health").when().get("/api/v1/children/{ref}/chronology", child.surviving())
                .then().statusCode(200).body("entries.type", hasItems("VISIT", "POLICE_ATTENDANCE"));
        as("wsscp-health").when().get("/api/v1/assessments/{id}", assessment)
                .then().statusCode(200).body("childRef", equalTo(child.surviving()));
        // the merged ref answers with the surviving record's address, the same path and query
        as("wsscp-police").redirects().follow(false).when().get("/api/v1/children/{ref}", child.duplicate())
                .then().statusCode(308).contentType("application/problem+json")
                .header("Location", equalTo("/api/v1/children/" + child.surviving()))
                .body("detail", containsString(child.surviving()));
        as("wsscp-police").redirects().follow(false).queryParam("limit", 5)
                .when().get("/api/v1/children/{ref}/chronology", child.duplicate())
                .then().statusCode(308)
                .header("Location", equalTo("/api/v1/children/" + child.surviving() + "/chronology?limit=5"));
        // registering the duplicate's names again finds the survivor
        as("wsscp-police").body(TestChildren.child(null, "Elly", child.familyName() + "e", BORN))
                .when().post("/api/v1/children").then().statusCode(200).body("childRef", equalTo(child.surviving()));
        as("wsscp-health").when().get("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(200).body("$", hasSize(1)).body("[0].mergedChildRef", equalTo(child.duplicate()));

        AuditRows.forChild(db, child.duplicate())
                .body("entries.action", hasItems("child.merged-away"));
        AuditRows.forChild(db, child.surviving())
                .body("entries.action", hasItems("child.merge"));
    }

    @Test
    void aMergeIsRefusedWhenTheRecordsCannotBeOneChildAndNothingMoves() throws Exception {
        Duplicates child = registeredTwice("wsscp");
        addEntry("wsscp-police", child.duplicate(), "POLICE_ATTENDANCE", "Attended a report of shouting");
        String elsewhere = TestChildren.register("hscp-health");
        String otherNhs = register("wsscp-health", TestChildren.child(TestChildren.testNhsNumber(), "Ellie",
                TestChildren.uniqueFamilyName(), BORN));
        long merges = Rows.count(db, "select count(*) from child_merge");

        // merging is children's services' decision
        as("wsscp-health").body(merge(child.duplicate())).when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(403).contentType("application/problem+json");
        refused(child.surviving(), merge(child.surviving()), 422, "duplicateChildRef");
        // another partnership's record is as unknown as no record: never merged across partnerships
        refused(child.surviving(), merge(elsewhere), 422, "duplicateChildRef");
        refused(child.surviving(), merge("CH-ABCDEFGHJK"), 422, "duplicateChildRef");
        // two NHS numbers are two children
        refused(child.surviving(), merge(otherNhs), 422, "duplicateChildRef");
        refused(child.surviving(), Map.of("duplicateChildRef", child.duplicate()), 400, "reason");
        refused(child.surviving(), Map.of("duplicateChildRef", "0123456789", "reason", "x"), 400, "duplicateChildRef");
        given().header("Authorization", bearer("wsscp-childrens-services")).contentType(ContentType.JSON)
                .body(merge(child.duplicate())).when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));

        // each record with an assessment under way: the child would have two
        as("wsscp-health").when().post("/api/v1/children/{ref}/assessments", child.surviving()).then().statusCode(201);
        String duplicateAssessment = as("wsscp-police").when().post("/api/v1/children/{ref}/assessments", child.duplicate())
                .then().statusCode(201).extract().path("id");
        as("wsscp-childrens-services").body(merge(child.duplicate()))
                .when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(409).body("detail", containsString(duplicateAssessment));

        assertEquals(merges, Rows.count(db, "select count(*) from child_merge"));
        assertEquals(1, Rows.count(db, "select count(*) from chronology_entry where child_ref = ?", child.duplicate()));
        as("wsscp-police").when().get("/api/v1/children/{ref}", child.duplicate()).then().statusCode(200);
        // the chronology is still append-only outside a merge
        assertTrue(refusesUpdate(child.duplicate(), child.surviving()));
    }

    @Test
    void aRetriedMergeIsAnsweredAsTheFirstAndAMergedRecordIsNotMergedAgain() {
        Duplicates child = registeredTwice("iowscp");
        String key = "merge-" + System.nanoTime();
        String at = as("iowscp-childrens-services").header("Idempotency-Key", key).body(merge(child.duplicate()))
                .when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(201).extract().path("mergedAt");
        as("iowscp-childrens-services").header("Idempotency-Key", key).body(merge(child.duplicate()))
                .when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(201).body("mergedAt", equalTo(at));
        as("iowscp-childrens-services").body(merge(child.duplicate()))
                .when().post("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(409).body("detail", not(containsString(child.familyName())));
        // the surviving record cannot be merged into the one merged away
        as("iowscp-childrens-services").redirects().follow(false).body(merge(child.surviving()))
                .when().post("/api/v1/children/{ref}/merges", child.duplicate())
                .then().statusCode(308);
        as("iowscp-childrens-services").when().get("/api/v1/children/{ref}/merges", child.surviving())
                .then().statusCode(200).body("mergedChildRef", equalTo(List.of(child.duplicate())));
    }

    private static void refused(String survivingRef, Map<String, Object> body, int status, String field) {
        as("wsscp-childrens-services").body(body).when().post("/api/v1/children/{ref}/merges", survivingRef)
                .then().statusCode(status).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private boolean refusesUpdate(String from, String to) {
        try (var c = db.getConnection(); var update = c.prepareStatement("update chronology_entry set child_ref = ? where child_ref = ?")) {
            update.setString(1, to);
            update.setString(2, from);
            update.executeUpdate();
            return false;
        } catch (java.sql.SQLException e) {
            return e.getMessage().contains("append-only");
        }
    }

    private void assertValid(String type, String data) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(new ObjectMapper().readTree(data));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
    }
}
