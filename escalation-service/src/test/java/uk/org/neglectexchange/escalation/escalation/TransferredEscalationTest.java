package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * A child's transfer (child.transferred, at the receiving partnership's acceptance) takes its open escalations and
 * drift alerts to the new partnership; a transfer not accepted by its deadline alerts the receiving partnership (D10).
 */
@QuarkusTest
class TransferredEscalationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Clock clock;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void anOpenEscalationMovesToTheNewPartnershipWithItsProceduresDeadline() throws Exception {
        String childRef = ChildRefs.random();
        String id = EscalationRequests.raised("hscp-childrens-services", EscalationRequests.disagreement(childRef, "HEALTH"));
        LocalDate startedOn = LocalDate.parse(EscalationRequests.get("hscp-childrens-services", id).statusCode(200)
                .extract().<String>path("stages[0].startedOn"));
        // raised under an earlier HIPS edition that gave stage 1 three working days
        LocalDate earlierDeadline = calendar.plusWorkingDays(startedOn, 3);
        execute("update escalation set stage_deadlines = '{\"1\": 3, \"2\": 3, \"3\": 3, \"4\": 10}'::jsonb, deadline = ?"
                + " where id = ?::uuid", earlierDeadline, id);
        execute("update escalation_stage set deadline_working_days = 3, deadline = ? where escalation_id = ?::uuid",
                earlierDeadline, id);
        EscalationRequests.get("hscp-childrens-services", id).body("deadline", equalTo(earlierDeadline.toString()));

        try (TopicReader reader = TopicReader.outbox(); AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.transferred", childRef, "WSSCP", transferred(childRef, UUID.randomUUID()));

            // Pan-Sussex 7.2 gives stage 1 five working days, counted from the stage's start
            LocalDate wsDeadline = calendar.plusWorkingDays(startedOn, 5);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> EscalationRequests.get("wsscp-childrens-services", id)
                    .statusCode(200).body("partnership", equalTo("WSSCP")).body("status", equalTo("OPEN"))
                    .body("procedureCode", equalTo("PAN_SUSSEX_7_2"))
                    .body("deadline", equalTo(wsDeadline.toString()))
                    .body("stages[0].deadlineWorkingDays", equalTo(5))
                    .body("stages[0].deadline", equalTo(wsDeadline.toString())));
            // the partnership the child left no longer sees it, as it no longer sees the child
            EscalationRequests.get("hscp-childrens-services", id).statusCode(404);

            ConsumerRecord<String, String> record = reader.await(r -> ("escalation/" + id).equals(header(r, "ce_subject"))
                    && EscalationEvents.TRANSFERRED.equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no escalation.transferred for " + id));
            assertEquals("WSSCP", header(record, "ce_partnership"));
            JsonNode data = valid(EscalationEvents.TRANSFERRED, record.value());
            assertEquals("HSCP", data.get("fromPartnership").asText());
            assertEquals(wsDeadline.toString(), data.get("deadline").asText());
            assertEquals(1, Rows.count(db, "select count(*) from audit_entry where action = 'escalation.transfer'"
                    + " and child_ref = ? and partnership = 'WSSCP'", childRef));
        }
    }

    @Test
    void aTransferNotAcceptedInTimeAlertsTheReceivingPartnershipUntilItIsAccepted() throws Exception {
        String childRef = ChildRefs.random();
        UUID transferId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        LocalDate requestedOn = calendar.minusWorkingDays(today, 7);
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.transfer-requested", childRef, "HSCP", """
                    {"transferId": "%s", "childRef": "%s", "partnership": "HSCP", "fromPartnership": "HSCP",
                     "toPartnership": "WSSCP", "requestedOn": "%s", "requestedAt": "%sT10:00:00Z", "acceptBy": "%s",
                     "reason": "FAMILY_MOVED", "byAgency": "CHILDRENS_SERVICES"}"""
                    .formatted(transferId, childRef, requestedOn, requestedOn, calendar.plusWorkingDays(requestedOn, 5)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts("wsscp-childrens-services", childRef)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("OPEN"))
                    .body("items[0].partnership", equalTo("WSSCP"))
                    .body("items[0].evidence[0].kind", equalTo("TRANSFER_REQUESTED"))
                    .body("items[0].evidence[0].id", equalTo(transferId.toString())));
            // the sending partnership still holds the child, and is not the one that has to act
            alerts("hscp-childrens-services", childRef).body("items", hasSize(0));

            sender.send(UUID.randomUUID(), "child.transferred", childRef, "WSSCP", transferred(childRef, transferId));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts("wsscp-childrens-services", childRef)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("CLEARED")));
        }
    }

    private static String transferred(String childRef, UUID transferId) {
        OffsetDateTime now = OffsetDateTime.now();
        return """
                {"childRef": "%s", "partnership": "WSSCP", "fromPartnership": "HSCP", "toPartnership": "WSSCP",
                 "transferredOn": "%s", "transferredAt": "%s", "reason": "FAMILY_MOVED", "byAgency": "CHILDRENS_SERVICES",
                 "transferId": "%s", "requestedAt": "%s", "acceptedByAgency": "CHILDRENS_SERVICES"}"""
                .formatted(childRef, now.toLocalDate(), now, transferId, now.minusDays(1));
    }

    private static ValidatableResponse alerts(String client, String childRef) {
        return given().header("Authorization", bearer(client)).queryParam("childRef", childRef).queryParam("rule", "D10")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }

    private void execute(String sql, Object... parameters) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private JsonNode valid(String type, String value) throws Exception {
        JsonNode data = JSON.readTree(value);
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
        return data;
    }
}
