package uk.org.neglectexchange.escalation.drift;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.DriftEvaluated;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * Drift detection end to end: real assessment-events records projected through the inbox, the scan run on a chosen
 * day, one alert per condition, cleared by the event that ends it, and drift events on the real escalation-events
 * topic meeting their contracts.
 */
@QuarkusTest
class DriftDetectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "mp.messaging.incoming.assessment-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    DriftScan scan;

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
    void anUndecidedReferralRaisesOneAlertThatItsDecisionClears() throws Exception {
        String childRef = ChildRefs.random();
        UUID referralId = UUID.randomUUID();
        UUID referralEvent = UUID.randomUUID();
        try (TopicReader reader = TopicReader.outbox(); AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "leadAgency": "CHILDRENS_SERVICES", "ageBand": "0_4",
                     "registeredAt": "2026-08-27T10:00:00Z"}""".formatted(childRef));
            String received = """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "2026-08-28", "recordedAt": "2026-08-28T09:00:00Z"}""".formatted(referralId, childRef);
            sender.send(referralEvent, "referral.received", childRef, "HSCP", received);
            // redelivered, as after a consumer crash before its offset commit: applied once
            sender.send(referralEvent, "referral.received", childRef, "HSCP", received);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts(childRef, "D1").body("items", hasSize(1)));
            assertEquals(1, count("select count(*) from processed_event where event_id = ?", referralEvent));
            assertEquals(1, count("select count(*) from case_fact where id = ?", referralId));

            // the Friday before the August bank holiday: due Tuesday 1 September, late from Wednesday
            DriftEvaluated.await(db, childRef);
            scan.scan(LocalDate.parse("2026-09-02"));
            scan.scan(LocalDate.parse("2026-09-02"));
            String alertId = alerts(childRef, "D1").body("items", hasSize(1))
                    .body("items[0].status", equalTo("OPEN"))
                    .body("items[0].partnership", equalTo("HSCP"))
                    .body("items[0].severity", equalTo("AMBER"))
                    .body("items[0].practiceApproach", equalTo("CHALLENGE_DRIFT_AND_DELAY"))
                    .body("items[0].evidence[0].id", equalTo(referralId.toString()))
                    .body("items[0].evidence[0].eventId", equalTo(referralEvent.toString()))
                    .body("items[0].evidence[0].on", equalTo("2026-08-28"))
                    .extract().path("items[0].id");

            JsonNode detected = next(reader, alertId, DriftEvents.DETECTED, childRef);
            assertEquals("D1", detected.get("rule").asText());
            assertEquals(referralEvent.toString(), detected.get("evidence").get(0).get("eventId").asText());

            sender.send(UUID.randomUUID(), "referral.decided", childRef, "HSCP", """
                    {"decisionId": "%s", "referralId": "%s", "childRef": "%s", "partnership": "HSCP",
                     "agency": "CHILDRENS_SERVICES", "decision": "EARLY_HELP", "receivedOn": "2026-08-28",
                     "decidedOn": "2026-09-03", "recordedAt": "2026-09-03T11:00:00Z"}""".formatted(UUID.randomUUID(), referralId, childRef));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts(childRef, "D1")
                    .body("items", hasSize(1)).body("items[0].status", equalTo("CLEARED")));
            JsonNode cleared = next(reader, alertId, DriftEvents.CLEARED, childRef);
            assertEquals("D1", cleared.get("rule").asText());

            scan.scan(LocalDate.parse("2026-09-04"));
            alerts(childRef, "D1").body("items", hasSize(1)).body("items[0].status", equalTo("CLEARED"));
        }
    }

    @Test
    void fortyFiveWorkingDaysAfterItsStartAnUnfinishedAssessmentAlertsOnceAndItsCompletionClearsIt() throws Exception {
        String childRef = ChildRefs.random();
        UUID assessmentId = UUID.randomUUID();
        LocalDate startedOn = LocalDate.now(clock).minusDays(3);
        LocalDate due = calendar.plusWorkingDays(startedOn, 45);
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "assessment.started", childRef, "IOWSCP", """
                    {"assessmentId": "%s", "seriesId": "%s", "childRef": "%s", "partnership": "IOWSCP", "agency": "HEALTH",
                     "toolkitFamily": "HIOW", "toolkitVersion": "7.1.0", "ageBand": "5_11", "startedOn": "%s",
                     "version": 1, "amends": null}""".formatted(assessmentId, assessmentId, childRef, startedOn));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from case_fact where id = ?", assessmentId) == 1);

            DriftEvaluated.await(db, childRef);
            scan.scan(due);
            d2(childRef).body("items", hasSize(0));
            scan.scan(due.plusDays(1));
            scan.scan(due.plusDays(1));
            d2(childRef).body("items", hasSize(1)).body("items[0].status", equalTo("OPEN"))
                    .body("items[0].evidence[0].on", equalTo(startedOn.toString()));

            sender.send(UUID.randomUUID(), "assessment.completed", childRef, "IOWSCP", """
                    {"assessmentId": "%s", "seriesId": "%s", "childRef": "%s", "partnership": "IOWSCP",
                     "completedOn": "%s", "primaryCategory": "EMOTIONAL", "otherCategories": [], "thresholdLevel": 2,
                     "ageBand": "5_11", "contributingAgencies": ["HEALTH"], "version": 1}"""
                    .formatted(assessmentId, assessmentId, childRef, LocalDate.now(clock)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d2(childRef).body("items[0].status", equalTo("CLEARED")));
        }
    }

    @Test
    void aDecisionArrivingBeforeItsReferralProjectsBothAndRaisesNothing() throws Exception {
        String childRef = ChildRefs.random();
        UUID referralId = UUID.randomUUID();
        UUID lastEvent = UUID.randomUUID();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "referral.decided", childRef, "HSCP", """
                    {"decisionId": "%s", "referralId": "%s", "childRef": "%s", "partnership": "HSCP",
                     "agency": "CHILDRENS_SERVICES", "decision": "NO_FURTHER_ACTION", "receivedOn": "2026-10-05",
                     "decidedOn": "2026-10-06", "recordedAt": "2026-10-06T11:00:00Z"}""".formatted(UUID.randomUUID(), referralId, childRef));
            sender.send(lastEvent, "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "2026-10-05", "recordedAt": "2026-10-05T09:00:00Z"}""".formatted(referralId, childRef));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from processed_event where event_id = ?", lastEvent) == 1);
        assertEquals(1, count("select count(*) from case_fact where id = ?", referralId));
        DriftEvaluated.await(db, childRef);
        scan.scan(LocalDate.parse("2026-10-20"));
        alerts(childRef, "D1").body("items", hasSize(0));
    }

    @Test
    void anAlertIsAcknowledgedWithANoteAndSeenOnlyInItsPartnership() throws Exception {
        String childRef = ChildRefs.random();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "POLICE",
                     "receivedOn": "2026-10-01", "recordedAt": "2026-10-01T09:00:00Z"}""".formatted(UUID.randomUUID(), childRef));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts(childRef, "D1").body("items", hasSize(1)));
        String id = alerts(childRef, "D1").extract().path("items[0].id");

        given().header("Authorization", bearer("iowscp-childrens-services")).queryParam("childRef", childRef)
                .when().get("/api/v1/drift-alerts").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", bearer("hscp-health")).queryParam("partnership", "IOWSCP")
                .when().get("/api/v1/drift-alerts").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("partnership"));
        given().header("Authorization", bearer("hscp-health")).queryParam("rule", "D12")
                .when().get("/api/v1/drift-alerts").then().statusCode(400).body("errors[0].field", equalTo("rule"));
        given().header("Authorization", bearer("hscp-health")).queryParam("severity", "PURPLE")
                .when().get("/api/v1/drift-alerts").then().statusCode(400).body("errors[0].field", equalTo("severity"));

        acknowledge("hscp-health", id, Map.of("note", "seen")).statusCode(403);
        acknowledge("hscp-childrens-services", id, Map.of("note", "x".repeat(1001))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("note"));
        acknowledge("iowscp-childrens-services", id, Map.of("note", "seen")).statusCode(404);
        acknowledge("hscp-childrens-services", id, Map.of("note", "decision booked with the MASH team")).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("practitioner-7"));
        alerts(childRef, "D1").body("items[0].status", equalTo("ACKNOWLEDGED"))
                .body("items[0].acknowledgementNote", equalTo("decision booked with the MASH team"));
    }

    @Test
    void aRetriedAcknowledgementIsAppliedOnceAndItsKeyServesThatRequestOnly() throws Exception {
        String childRef = ChildRefs.random();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "POLICE",
                     "receivedOn": "2026-10-01", "recordedAt": "2026-10-01T09:00:00Z"}""".formatted(UUID.randomUUID(), childRef));
        }
        // the first event after start-up may wait for the consumer group to be assigned its partitions
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> alerts(childRef, "D1").body("items", hasSize(1)));
        String id = alerts(childRef, "D1").extract().path("items[0].id");
        String key = "ack-" + UUID.randomUUID();

        String first = acknowledge("hscp-childrens-services", id, key, Map.of("note", "decision booked")).statusCode(200)
                .extract().path("acknowledgedAt");
        // the retry is answered with the first acknowledgement, not a second one
        String again = acknowledge("hscp-childrens-services", id, key, Map.of("note", "decision booked")).statusCode(200)
                .body("acknowledgementNote", equalTo("decision booked")).extract().path("acknowledgedAt");
        assertEquals(OffsetDateTime.parse(first).toInstant(), OffsetDateTime.parse(again).toInstant());
        acknowledge("hscp-childrens-services", id, key, Map.of("note", "another note")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));

        alerts(childRef, "D1").body("items[0].acknowledgementNote", equalTo("decision booked"));
        assertEquals(1, Rows.count(db, "select count(*) from idempotent_request where client_id = ? and key = ?",
                "hscp-childrens-services", key));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopic() throws Exception {
        String childRef = ChildRefs.random();
        try (TopicReader dlq = new TopicReader(deadLetterTopic); AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.sendPoison(childRef);
            ConsumerRecord<String, String> dead = dlq.await(r -> childRef.equals(r.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("nothing on the DLQ"));
            assertTrue(header(dead, "dead-letter-reason").contains("not valid JSON"));
        }
    }

    private static ValidatableResponse alerts(String childRef, String rule) {
        return given().header("Authorization", bearer("hscp-health"))
                .queryParam("childRef", childRef).queryParam("rule", rule)
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }

    private static ValidatableResponse d2(String childRef) {
        return given().header("Authorization", bearer("iowscp-health"))
                .queryParam("childRef", childRef).queryParam("rule", "D2")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }

    private static ValidatableResponse acknowledge(String client, String id, Map<String, String> body) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "practitioner-7")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drift-alerts/" + id + "/acknowledgement").then();
    }

    private static ValidatableResponse acknowledge(String client, String id, String key, Map<String, String> body) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "practitioner-7")
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drift-alerts/" + id + "/acknowledgement").then();
    }

    private long count(String sql, UUID id) throws Exception {
        return Rows.count(db, sql, id);
    }

    /** The alert's next event of this type: keyed by childRef, in its partnership, meeting its schema. */
    private JsonNode next(TopicReader reader, String alertId, String type, String childRef) throws Exception {
        ConsumerRecord<String, String> record = reader
                .await(r -> ("drift-alert/" + alertId).equals(header(r, "ce_subject")) && type.equals(header(r, "ce_type")),
                        Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no " + type + " for alert " + alertId));
        assertEquals(childRef, record.key());
        assertEquals("HSCP", header(record, "ce_partnership"));
        JsonNode data = JSON.readTree(record.value());
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
        assertEquals(alertId, data.get("alertId").asText());
        return data;
    }
}
