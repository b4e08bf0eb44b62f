package uk.org.neglectexchange.assessment.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

@QuarkusTest
class TransferTest {

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "sw-0007")
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> transfer(String toPartnership) {
        return Map.of("toPartnership", toPartnership, "reason", "FAMILY_MOVED");
    }

    @Test
    void aTransferMovesTheRecordAndKeepsItsHistory() {
        Map<String, Object> child = TestChildren.child(TestChildren.testNhsNumber(), "Lily", TestChildren.uniqueFamilyName(),
                LocalDate.now().minusYears(5));
        String childRef = as("hscp-health").body(child).when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");

        as("hscp-childrens-services").body(transfer("IOWSCP")).when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201)
                .body("childRef", equalTo(childRef)).body("fromPartnership", equalTo("HSCP"))
                .body("toPartnership", equalTo("IOWSCP")).body("reason", equalTo("FAMILY_MOVED"));

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

        as("iowscp-childrens-services").body(Map.of("toPartnership", "WSSCP", "reason", "CARE_PLACEMENT"))
                .when().post("/api/v1/children/{ref}/transfers", childRef).then().statusCode(201);
        as("wsscp-health").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("partnership", equalTo(java.util.List.of("HSCP", "IOWSCP", "WSSCP")))
                .body("[1].reason", equalTo("CARE_PLACEMENT"));

        given().header("Authorization", bearer("partnership-dpo")).queryParam("childRef", childRef)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("entries.findAll { it.action == 'child.transfer' }.clientId",
                        equalTo(java.util.List.of("hscp-childrens-services", "iowscp-childrens-services")));
    }

    @Test
    void bothPartnershipsAreToldByOneEventWithoutIdentity() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String nhs = TestChildren.testNhsNumber();
            String family = TestChildren.uniqueFamilyName();
            String childRef = as("wsscp-childrens-services")
                    .body(TestChildren.child(nhs, "Oscar", family, LocalDate.now().minusYears(8)))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            as("wsscp-childrens-services").body(transfer("HSCP"))
                    .when().post("/api/v1/children/{ref}/transfers", childRef).then().statusCode(201);

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
            assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).toString(), data.get("transferredOn").asText());
            assertFalse(record.value().contains(nhs) || record.value().contains(family) || record.value().contains("Oscar"),
                    "events carry no identity");
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
        String at = as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("WSSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).extract().path("transferredAt");
        as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("WSSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(201).body("toPartnership", equalTo("WSSCP")).body("transferredAt", equalTo(at));
        as("hscp-childrens-services").header("Idempotency-Key", key).body(transfer("IOWSCP"))
                .when().post("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        as("wsscp-childrens-services").when().get("/api/v1/children/{ref}/transfers", childRef)
                .then().statusCode(200).body("$", hasSize(2));
    }

    private void assertValid(String type, String data) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(new ObjectMapper().readTree(data));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
    }
}
