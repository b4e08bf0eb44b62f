package uk.org.neglectexchange.assessment.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class PlanTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Inject
    DataSource db;

    @Inject
    Plans plans;

    private static RequestSpecification as(String clientId) {
        // an agency other than the lead agency states its basis when it reads, as for the chronology
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "sw-0042")
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> plan(String kind, String category, LocalDate start) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("kind", kind);
        if (category != null) {
            plan.put("category", category);
        }
        plan.put("startDate", start.toString());
        return plan;
    }

    private long rows(String sql, String childRef) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, childRef);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long plans(String childRef) throws Exception {
        return rows("select count(*) from child_plan where child_ref = ?", childRef);
    }

    private long planEvents(String childRef) throws Exception {
        return rows("select count(*) from outbox_event where message_key = ? and type like 'child.plan-%'", childRef);
    }

    @Test
    void childrensServicesStartsAndEndsAPlanAndEveryAgencyOfThePartnershipReadsIt() throws Exception {
        String childRef = TestChildren.register("wsscp-health");
        LocalDate start = TODAY.minusMonths(14);
        String id = as("wsscp-childrens-services").header("Idempotency-Key", "plan-" + System.nanoTime())
                .body(plan("CHILD_PROTECTION", "NEGLECT", start))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(201).body("kind", equalTo("CHILD_PROTECTION")).body("category", equalTo("NEGLECT"))
                .body("startDate", equalTo(start.toString())).body("endDate", nullValue())
                .body("startedByClient", equalTo("wsscp-childrens-services")).body("startedByPractitioner", equalTo("sw-0042"))
                .extract().path("id");
        as("wsscp-childrens-services").body(plan("CHILD_IN_NEED", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201);

        QuarkusTransaction.requiringNew().run(() -> assertEquals(2, plans.current(childRef).size(), "both plans are open"));

        as("wsscp-childrens-services").body(Map.of("endDate", TODAY.toString(), "reason", "STEPPED_DOWN"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                .then().statusCode(200).body("endDate", equalTo(TODAY.toString())).body("endReason", equalTo("STEPPED_DOWN"));
        as("wsscp-childrens-services").body(Map.of("endDate", TODAY.toString(), "reason", "STEPPED_DOWN"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                .then().statusCode(409).contentType("application/problem+json");

        // health (the lead agency here) and the police (stating its basis) read them; another partnership cannot
        as("wsscp-health").when().get("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(200).body("$", hasSize(2)).body("[0].kind", equalTo("CHILD_PROTECTION"))
                .body("[0].endReason", equalTo("STEPPED_DOWN")).body("[1].kind", equalTo("CHILD_IN_NEED"));
        given().header("Authorization", bearer("wsscp-police")).when().get("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Purpose"));
        as("wsscp-police").when().get("/api/v1/children/{ref}/plans", childRef).then().statusCode(200).body("$", hasSize(2));
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/plans", childRef).then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> assertEquals(List.of(PlanKind.CHILD_IN_NEED),
                plans.current(childRef).stream().map(PlanView::kind).toList()));

        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'plan.start' }", hasSize(2))
                .body("entries.findAll { it.action == 'plan.end' }.outcome", equalTo(List.of("SUCCESS", "REJECTED")))
                .body("entries.findAll { it.action == 'plan.read' }.outcome", equalTo(List.of("SUCCESS", "REJECTED", "SUCCESS", "NOT_FOUND")));
    }

    @Test
    void onlyChildrensServicesOfTheChildsPartnershipRecordsPlans() throws Exception {
        String childRef = TestChildren.register("hscp-childrens-services");
        for (String other : List.of("hscp-health", "hscp-police", "hscp-education")) {
            as(other).body(plan("EARLY_HELP", null, TODAY)).when().post("/api/v1/children/{ref}/plans", childRef)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        as("iowscp-childrens-services").body(plan("EARLY_HELP", null, TODAY)).when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(404);
        assertEquals(0, plans(childRef));
        assertEquals(0, planEvents(childRef));

        String id = as("hscp-childrens-services").body(plan("EARLY_HELP", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201).extract().path("id");
        as("hscp-health").body(Map.of("endDate", TODAY.toString(), "reason", "OTHER"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id).then().statusCode(403);
        assertEquals(0, rows("select count(*) from child_plan where child_ref = ? and end_date is not null", childRef));
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'plan.start' }.outcome",
                        equalTo(List.of("DENIED", "DENIED", "DENIED", "NOT_FOUND", "SUCCESS")));
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String childRef = TestChildren.register("iowscp-childrens-services");
        LocalDate future = TODAY.plusDays(3);
        as("iowscp-childrens-services").body(plan("CHILD_PROTECTION", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("category"));
        as("iowscp-childrens-services").body(plan("LOOKED_AFTER", "NEGLECT", TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("category"));
        as("iowscp-childrens-services").body(plan("EARLY_HELP", null, future))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("startDate")).body(not(containsString(future.toString())));
        as("iowscp-childrens-services").body(plan("CHILD_PROTECTION", "BULLYING", TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("category")).body(not(containsString("BULLYING")));
        as("iowscp-childrens-services").body(Map.of("kind", "EARLY_HELP"))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("startDate"));
        given().header("Authorization", bearer("iowscp-childrens-services")).contentType(ContentType.JSON)
                .body(plan("EARLY_HELP", null, TODAY)).when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
        assertEquals(0, plans(childRef));
        assertEquals(0, planEvents(childRef));

        String id = as("iowscp-childrens-services").body(plan("CHILD_PROTECTION", "NEGLECT", TODAY.minusDays(20)))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201).extract().path("id");
        as("iowscp-childrens-services").body(plan("CHILD_PROTECTION", "PHYSICAL_ABUSE", TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("kind"));
        as("iowscp-childrens-services").body(Map.of("endDate", TODAY.minusDays(21).toString(), "reason", "OTHER"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                .then().statusCode(422).body("errors[0].field", equalTo("endDate"));
        as("iowscp-childrens-services").body(Map.of("endDate", future.toString(), "reason", "OTHER"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                .then().statusCode(422).body("errors[0].field", equalTo("endDate"));
        as("iowscp-childrens-services").body(Map.of("endDate", TODAY.toString()))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("iowscp-childrens-services").body(Map.of("endDate", TODAY.toString(), "reason", "OTHER"))
                .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, "not-a-plan")
                .then().statusCode(404);
        assertEquals(1, plans(childRef));
        assertEquals(0, rows("select count(*) from child_plan where child_ref = ? and end_date is not null", childRef));
        assertEquals(1, planEvents(childRef));
    }

    @Test
    void anIdempotencyKeyReplaysTheStartAndTheEnd() throws Exception {
        String childRef = TestChildren.register("hscp-childrens-services");
        String key = "plan-" + System.nanoTime();
        String id = as("hscp-childrens-services").header("Idempotency-Key", key).body(plan("EARLY_HELP", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201).extract().path("id");
        as("hscp-childrens-services").header("Idempotency-Key", key).body(plan("EARLY_HELP", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201).body("id", equalTo(id));
        as("hscp-childrens-services").header("Idempotency-Key", key).body(plan("CHILD_IN_NEED", null, TODAY))
                .when().post("/api/v1/children/{ref}/plans", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        String endKey = "plan-end-" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            as("hscp-childrens-services").header("Idempotency-Key", endKey).body(Map.of("endDate", TODAY.toString(), "reason", "OBJECTIVES_MET"))
                    .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id)
                    .then().statusCode(200).body("endReason", equalTo("OBJECTIVES_MET"));
        }
        assertEquals(1, plans(childRef));
        assertEquals(2, planEvents(childRef));
    }

    @Test
    void theEventsCarryKindCategoryAndDatesWithoutIdentity() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String nhs = TestChildren.testNhsNumber();
            String family = TestChildren.uniqueFamilyName();
            String childRef = as("wsscp-childrens-services").body(TestChildren.child(nhs, "Ada", family, TODAY.minusYears(6)))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            LocalDate start = TODAY.minusYears(1);
            String id = as("wsscp-childrens-services").body(plan("CHILD_PROTECTION", "NEGLECT", start))
                    .when().post("/api/v1/children/{ref}/plans", childRef).then().statusCode(201).extract().path("id");
            as("wsscp-childrens-services").body(Map.of("endDate", TODAY.toString(), "reason", "STEPPED_DOWN"))
                    .when().post("/api/v1/children/{ref}/plans/{id}/end", childRef, id).then().statusCode(200);

            ConsumerRecord<String, String> started = reader.awaitEvent("child.plan-started", childRef, Duration.ofSeconds(15));
            ConsumerRecord<String, String> ended = reader.awaitEvent("child.plan-ended", childRef, Duration.ofSeconds(15));
            assertEquals("WSSCP", header(started, "ce_partnership"));
            assertValid("child.plan-started", started.value());
            assertValid("child.plan-ended", ended.value());
            JsonNode s = new ObjectMapper().readTree(started.value());
            assertEquals(id, s.get("planId").asText());
            assertEquals("CHILD_PROTECTION", s.get("kind").asText());
            assertEquals("NEGLECT", s.get("category").asText());
            assertEquals(start.toString(), s.get("startDate").asText());
            JsonNode e = new ObjectMapper().readTree(ended.value());
            assertEquals(TODAY.toString(), e.get("endDate").asText());
            assertEquals("STEPPED_DOWN", e.get("endReason").asText());
            for (ConsumerRecord<String, String> r : List.of(started, ended)) {
                assertFalse(r.value().contains(nhs) || r.value().contains(family) || r.value().contains("Ada"),
                        "events carry no identity");
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
