package uk.org.neglectexchange.assessment.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.assessment.audit.AuditRows;
import javax.sql.DataSource;
import jakarta.inject.Inject;

@QuarkusTest
class TransferTest {

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "sw-0007")
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> transfer(String toPartnership) {
        return Map.of("toPartnership", toPartnership, "reason", "FAMILY_MOVED");
    }

    /** Asks for the transfer and answers its id. */
    private static String requested(String client, String childRef, Map<String, Object> transfer) {
        return as(client).body(transfer).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
    }

    private static ValidatableResponse accept(String client, String transferId) {
        return as(client).when().post("/api/v1/transfers/{id}/accept", transferId).then();
    }

    @Test
    void aTransferWaitsForTheReceivingPartnershipsAcceptanceAndKeepsItsHistory() {
        Map<String, Object> child = TestChildren.child(TestChildren.testNhsNumber(), "Lily", TestChildren.uniqueFamilyName(),
                LocalDate.now().minusYears(5));
        String childRef = as("hscp-health").body(child).when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String transferId = as("hscp-childrens-services").body(transfer("IOWSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).header("Location", containsString("/api/v1/transfers/"))
                .body("childRef", equalTo(childRef)).body("fromPartnership", equalTo("HSCP"))
                .body("toPartnership", equalTo("IOWSCP")).body("reason", equalTo("FAMILY_MOVED"))
                .body("status", equalTo("REQUESTED"))
                .body("acceptBy", equalTo(new WorkingDayCalendar().plusWorkingDays(today, 5).toString()))
                .body("acceptedAt", nullValue())
                .extract().path("id");

        // until it is accepted the child stays with the sending partnership, which still reads and writes it
        as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().statusCode(200)
                .body("partnership", equalTo("HSCP"));
        as("iowscp-health").when().get("/api/v1/children/{ref}", childRef).then().statusCode(404);
        as("hscp-childrens-services").body(transfer("WSSCP")).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(409).contentType("application/problem+json");

        accept("iowscp-childrens-services", transferId).statusCode(200)
                .body("id", equalTo(transferId)).body("status", equalTo("ACCEPTED")).body("acceptedAt", notNullValue());

        // the old partnership can no longer tell the child exists; the new one reads it
        as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().statusCode(404);
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef).then().statusCode(404);
        as("iowscp-health").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).body("partnership", equalTo("IOWSCP"));
        as("iowscp-education").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(2))
                .body("[0].partnership", equalTo("HSCP")).body("[0].transferredByClient", equalTo("hscp-childrens-services"))
                .body("[0].reason", equalTo("FAMILY_MOVED"))
                .body("[1].partnership", equalTo("IOWSCP")).body("[1].to", nullValue());

        // registering the child in its new partnership finds it; the old partnership is told to ask for a transfer
        as("iowscp-police").body(child).when().post("/api/v1/children").then().statusCode(200).body("childRef", equalTo(childRef));
        as("hscp-police").body(child).when().post("/api/v1/children").then().statusCode(409);

        String onward = requested("iowscp-childrens-services", childRef, Map.of("toPartnership", "WSSCP", "reason", "CARE_PLACEMENT"));
        accept("wsscp-childrens-services", onward).statusCode(200);
        as("wsscp-health").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("partnership", equalTo(java.util.List.of("HSCP", "IOWSCP", "WSSCP")))
                .body("[1].reason", equalTo("CARE_PLACEMENT"));

        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'child.transfer-request' }.clientId",
                        equalTo(java.util.List.of("hscp-childrens-services", "hscp-childrens-services",
                                "iowscp-childrens-services")))
                .body("entries.findAll { it.action == 'child.transfer-accept' }.clientId",
                        equalTo(java.util.List.of("iowscp-childrens-services", "wsscp-childrens-services")));
    }

    @Test
    void onlyTheReceivingPartnershipsChildrensServicesAcceptsAndOnlyOnce() {
        String childRef = TestChildren.register("wsscp-childrens-services");
        String transferId = requested("wsscp-childrens-services", childRef, transfer("HSCP"));

        // the sending partnership asked, it does not accept; the receiving partnership's other agencies cannot
        accept("wsscp-childrens-services", transferId).statusCode(403).contentType("application/problem+json");
        accept("hscp-health", transferId).statusCode(403).contentType("application/problem+json");
        // a third partnership is told nothing of it; an unknown id is unknown
        accept("iowscp-childrens-services", transferId).statusCode(404).contentType("application/problem+json");
        accept("hscp-childrens-services", UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
        accept("hscp-childrens-services", "not-a-transfer").statusCode(404);
        given().header("Authorization", bearer("hscp-childrens-services"))
                .when().post("/api/v1/transfers/{id}/accept", transferId)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
        // nothing of the refusals stuck: the child is still the sending partnership's, with one period
        as("wsscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].partnership", equalTo("WSSCP"));

        String key = "accept-" + System.nanoTime();
        String acceptedAt = as("hscp-childrens-services").header("Idempotency-Key", key)
                .when().post("/api/v1/transfers/{id}/accept", transferId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("acceptedAt");
        // a retry with the same key gets the first answer; accepting again otherwise is a conflict
        as("hscp-childrens-services").header("Idempotency-Key", key).when().post("/api/v1/transfers/{id}/accept", transferId)
                .then().statusCode(200).body("acceptedAt", equalTo(acceptedAt));
        accept("hscp-childrens-services", transferId).statusCode(409).contentType("application/problem+json");
        as("hscp-childrens-services").header("Idempotency-Key", "accept-other-" + System.nanoTime())
                .when().post("/api/v1/transfers/{id}/accept", transferId).then().statusCode(409);
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(2));

        // each attempt on the child's transfer is audited (a caller without the role is stopped before, as everywhere)
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'child.transfer-accept' }.outcome", equalTo(java.util.List.of(
                        "DENIED", "NOT_FOUND", "REJECTED", "SUCCESS", "SUCCESS", "REJECTED", "REJECTED")));
    }

    @Test
    void bothPartnershipsAreToldByOneEventWithoutIdentity() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String nhs = TestChildren.testNhsNumber();
            String family = TestChildren.uniqueFamilyName();
            String childRef = as("wsscp-childrens-services")
                    .body(TestChildren.child(nhs, "Oscar", family, LocalDate.now().minusYears(8)))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            String transferId = requested("wsscp-childrens-services", childRef, transfer("HSCP"));

            ConsumerRecord<String, String> request = reader.await(
                    r -> childRef.equals(r.key()) && "child.transfer-requested".equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no child.transfer-requested event for " + childRef));
            assertEquals("WSSCP", header(request, "ce_partnership"));
            assertValid("child.transfer-requested", request.value());
            var requestData = new ObjectMapper().readTree(request.value());
            assertEquals(transferId, requestData.get("transferId").asText());
            assertEquals("HSCP", requestData.get("toPartnership").asText());
            assertEquals(new WorkingDayCalendar().plusWorkingDays(LocalDate.parse(requestData.get("requestedOn").asText()), 5)
                    .toString(), requestData.get("acceptBy").asText());

            accept("hscp-childrens-services", transferId).statusCode(200);
            ConsumerRecord<String, String> record = reader.await(
                    r -> childRef.equals(r.key()) && "child.transferred".equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no child.transferred event for " + childRef));
            assertEquals("HSCP", header(record, "ce_partnership"));
            assertEquals(childRef, header(record, "ce_subject"));
            assertValid("child.transferred", record.value());
            var data = new ObjectMapper().readTree(record.value());
            assertEquals("WSSCP", data.get("fromPartnership").asText());
            assertEquals("HSCP", data.get("toPartnership").asText());
            assertEquals("FAMILY_MOVED", data.get("reason").asText());
            assertEquals("CHILDRENS_SERVICES", data.get("byAgency").asText());
            assertEquals(transferId, data.get("transferId").asText());
            assertEquals("CHILDRENS_SERVICES", data.get("acceptedByAgency").asText());
            assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).toString(), data.get("transferredOn").asText());
            for (ConsumerRecord<String, String> event : java.util.List.of(request, record)) {
                assertFalse(event.value().contains(nhs) || event.value().contains(family) || event.value().contains("Oscar"),
                        "events carry no identity");
            }
        }
    }

    @Test
    void aTransferToTheSamePartnershipIsRefusedAndChangesNothing() {
        String childRef = TestChildren.register("iowscp-childrens-services");
        as("iowscp-childrens-services").body(transfer("IOWSCP")).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("toPartnership"));
        as("iowscp-childrens-services").body(Map.of("toPartnership", "KENT", "reason", "FAMILY_MOVED"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(400).body("errors.field", hasItem("toPartnership"));
        as("iowscp-childrens-services").body(Map.of("toPartnership", "HSCP", "reason", "HOLIDAY"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().header("Authorization", bearer("iowscp-childrens-services")).contentType(ContentType.JSON).body(transfer("HSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
        // transferring is for children's social care (child-transfer), not every agency
        as("iowscp-health").body(transfer("HSCP")).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(403).contentType("application/problem+json");
        // another partnership cannot move what it cannot see
        as("hscp-childrens-services").body(transfer("HSCP")).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(404);

        as("iowscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].partnership", equalTo("IOWSCP"))
                .body("[0].to", nullValue());
        as("iowscp-childrens-services").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).body("partnership", equalTo("IOWSCP"));
    }

    @Test
    void anIdempotencyKeyReplaysTheTransfer() {
        String childRef = TestChildren.register("hscp-childrens-services");
        String key = "transfer-" + System.nanoTime();
        String id = as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("WSSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).extract().path("id");
        as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("WSSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).body("toPartnership", equalTo("WSSCP")).body("id", equalTo(id));
        as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("IOWSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        // one request, still waiting: the child is the sending partnership's
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(1));
    }

    private void assertValid(String type, String data) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(new ObjectMapper().readTree(data));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
    }
}
