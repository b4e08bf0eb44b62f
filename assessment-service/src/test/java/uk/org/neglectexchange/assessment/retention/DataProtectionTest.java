package uk.org.neglectexchange.assessment.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
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
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.AgencyRequests;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** Legal holds and erasure by the partnership's data protection officer, through the API. */
@QuarkusTest
class DataProtectionTest {

    @Inject
    DataSource db;

    static RequestSpecification dpo(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "dpo-1")
                .contentType(ContentType.JSON);
    }

    private static final Map<String, Object> REASON = Map.of("reason", "Subject access request upheld: erase");

    @Test
    void theOfficerErasesAChildAndItsReferenceAnswersGone() throws Exception {
        String nhs = TestChildren.testNhsNumber();
        String family = TestChildren.uniqueFamilyName();
        String childRef = AgencyRequests.as("hscp-health")
                .body(TestChildren.child(nhs, "Sam", family, LocalDate.now().minusYears(4)))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        AgencyRequests.as("hscp-health").body(Map.of("type", "VISIT", "occurredOn", LocalDate.now().toString(),
                "summary", "Seen at home, no food in the house")).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201);
        AgencyRequests.as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(201);
        AgencyRequests.as("hscp-childrens-services").body(Map.of("kind", "CHILD_IN_NEED",
                "startDate", LocalDate.now().minusDays(3).toString()))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201);
        // the summary's copies of escalation-service's escalation and alert about the child
        count("with e as (insert into summary_escalation (escalation_id, child_ref, raised_by_agency, other_agency, stage)"
                + " values (gen_random_uuid(), ?, 'HEALTH', 'POLICE', 1) returning 1) select count(*) from e", childRef);
        count("with a as (insert into summary_drift_alert (alert_id, child_ref, rule, severity, detected_on)"
                + " values (gen_random_uuid(), ?, 'D1', 'AMBER', current_date) returning 1) select count(*) from a", childRef);

        try (TopicReader reader = TopicReader.outbox()) {
            String key = "erase-" + UUID.randomUUID();
            String erasedAt = dpo("hscp-dpo").header("Idempotency-Key", key).body(REASON)
                    .when().post("/api/v1/children/{ref}/erasure", childRef)
                    .then().statusCode(200).body("childRef", equalTo(childRef))
                    .body("retentionClass", equalTo("DPO_INSTRUCTION")).body("erasedByClient", equalTo("hscp-dpo"))
                    .extract().path("erasedAt");
            // a retry answers the first outcome
            dpo("hscp-dpo").header("Idempotency-Key", key).body(REASON)
                    .when().post("/api/v1/children/{ref}/erasure", childRef)
                    .then().statusCode(200).body("erasedAt", equalTo(erasedAt));

            ConsumerRecord<String, String> record = reader.await(
                    r -> childRef.equals(r.key()) && "child.erased".equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no child.erased for " + childRef));
            assertEquals("HSCP", header(record, "ce_partnership"));
            assertValid("child.erased", record.value());
            assertFalse(record.value().contains(family) || record.value().contains(nhs) || record.value().contains("Subject"),
                    "the tombstone event carries no identity and no reason");
        }

        for (String path : new String[] { "/api/v1/children/{ref}", "/api/v1/children/{ref}/chronology",
                "/api/v1/children/{ref}/summary" }) {
            AgencyRequests.as("hscp-health").when().get(path, childRef)
                    .then().statusCode(410).contentType("application/problem+json").body("title", equalTo("Gone"));
        }
        // a second erasure without the key: gone already
        dpo("hscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/erasure", childRef).then().statusCode(410);

        for (String table : new String[] { "chronology_entry", "assessment", "child_identity", "child_partnership_history",
                "child_plan", "summary_escalation", "summary_drift_alert" }) {
            assertEquals(0, count("select count(*) from " + table + " where child_ref = ?", childRef), table);
        }
        assertEquals(1, count("select count(*) from child_tombstone where child_ref = ? and retention_class = 'DPO_INSTRUCTION'"
                + " and erased_by_practitioner = 'dpo-1'", childRef));
        // the erasure and its retry, each a request on the trail
        assertEquals(2, count("select count(*) from audit_entry where child_ref = ? and action = 'child.erase'"
                + " and outcome = 'SUCCESS' and client_id = 'hscp-dpo'", childRef));
        assertTrue(count("select count(*) from audit_entry where child_ref = ? and action <> 'child.erase'", childRef) > 0,
                "the audit trail stays");
    }

    @Test
    void aHoldStopsTheErasureUntilTheOfficerLiftsIt() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String holdId = dpo("hscp-dpo").header("Idempotency-Key", "hold-" + UUID.randomUUID())
                .body(Map.of("reason", "Litigation: the family's claim against the council"))
                .when().post("/api/v1/children/{ref}/legal-holds", childRef)
                .then().statusCode(201).header("Location", containsString("/legal-holds/"))
                .body("liftedAt", equalTo(null)).extract().path("id");
        dpo("hscp-dpo").when().get("/api/v1/children/{ref}/legal-holds", childRef)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(holdId));

        dpo("hscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/erasure", childRef)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(holdId));
        assertEquals(0, count("select count(*) from child_tombstone where child_ref = ?", childRef));
        assertEquals(1, count("select count(*) from child_identity where child_ref = ?", childRef));

        dpo("hscp-dpo").body(Map.of()).when().post("/api/v1/children/{ref}/legal-holds/{id}/lift", childRef, holdId)
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        dpo("hscp-dpo").body(Map.of("reason", "Claim settled"))
                .when().post("/api/v1/children/{ref}/legal-holds/{id}/lift", childRef, holdId)
                .then().statusCode(200).body("liftedAt", notNullValue()).body("liftReason", equalTo("Claim settled"));
        dpo("hscp-dpo").body(Map.of("reason", "Claim settled"))
                .when().post("/api/v1/children/{ref}/legal-holds/{id}/lift", childRef, holdId).then().statusCode(409);
        dpo("hscp-dpo").body(Map.of("reason", "again")).when().post("/api/v1/children/{ref}/legal-holds/{id}/lift",
                childRef, UUID.randomUUID()).then().statusCode(404);

        dpo("hscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/erasure", childRef).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_entry where child_ref = ? and action = 'child.legal-hold.set'"
                + " and outcome = 'SUCCESS'", childRef));
        assertEquals(1, count("select count(*) from audit_entry where child_ref = ? and action = 'child.erase'"
                + " and outcome = 'REJECTED'", childRef), "the refused erasure is on the trail");
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        String childRef = TestChildren.register("iowscp-health");
        dpo("iowscp-dpo").body(Map.of()).when().post("/api/v1/children/{ref}/erasure", childRef)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        dpo("iowscp-dpo").body(Map.of("reason", "  ")).when().post("/api/v1/children/{ref}/legal-holds", childRef)
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        dpo("iowscp-dpo").body(Map.of("reason", "x".repeat(501))).when().post("/api/v1/children/{ref}/erasure", childRef)
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        // another partnership's officer cannot tell the child exists
        dpo("hscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/erasure", childRef)
                .then().statusCode(404).contentType("application/problem+json");
        dpo("hscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/legal-holds", childRef).then().statusCode(404);
        dpo("iowscp-dpo").body(REASON).when().post("/api/v1/children/{ref}/erasure", "CH-ZZZZZZZZZZ")
                .then().statusCode(404).contentType("application/problem+json");
        // a practitioner is not the data protection officer
        AgencyRequests.as("iowscp-childrens-services").body(REASON).when().post("/api/v1/children/{ref}/erasure", childRef)
                .then().statusCode(403);

        assertEquals(0, count("select count(*) from child_tombstone where child_ref = ?", childRef));
        assertEquals(0, count("select count(*) from legal_hold where child_ref = ?", childRef));
        assertEquals(1, count("select count(*) from child_identity where child_ref = ?", childRef));
        AgencyRequests.as("iowscp-health").when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
    }

    private long count(String sql, String childRef) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, childRef);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
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
