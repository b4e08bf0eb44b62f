package uk.org.neglectexchange.assessment.summary;

import java.util.HashMap;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.completion;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.contribution;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;
import uk.org.neglectexchange.assessment.audit.AuditRows;
import javax.sql.DataSource;
import jakarta.inject.Inject;

@QuarkusTest
class ChildSummaryTest {

    @Inject
    DataSource db;

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void aHiowEditionIsPublished() throws Exception {
        PublishedEditions.currentHiow();
    }

    /** Publishes an event as escalation-service's outbox relay does, on the topic this service reads. */
    static void publish(String type, String childRef, Map<String, Object> data) throws Exception {
        try (CloudEventSender sender = new CloudEventSender()) {
            var attributes = CloudEventSender.attributes(UUID.randomUUID(), type, "/neglect-exchange/escalation-service");
            attributes.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
            attributes.put("subject", "escalation/" + data.get("escalationId"));
            attributes.put("partnership", "HSCP");
            attributes.put("datacontenttype", "application/json");
            sender.send(CloudEventSender.incomingTopic("escalation-events"), childRef, attributes, JSON.writeValueAsString(data));
        }
    }

    static Map<String, Object> raised(UUID id, String childRef) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("escalationId", id.toString());
        d.put("childRef", childRef);
        d.put("partnership", "HSCP");
        d.put("type", "PROFESSIONAL_DISAGREEMENT");
        d.put("raisedByAgency", "EDUCATION");
        d.put("otherAgency", "CHILDRENS_SERVICES");
        d.put("currentRisk", "MEDIUM");
        d.put("procedureCode", "HSCP-ESC");
        d.put("stage", 1);
        d.put("stagesSkipped", false);
        d.put("stageStartedOn", LocalDate.now().toString());
        d.put("deadline", LocalDate.now().plusDays(7).toString());
        d.put("deadlineShortened", false);
        d.put("notifyBusinessTeam", false);
        d.put("raisedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return d;
    }

    static Map<String, Object> stageChanged(UUID id, String childRef, int to) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("escalationId", id.toString());
        d.put("childRef", childRef);
        d.put("partnership", "HSCP");
        d.put("raisedByAgency", "EDUCATION");
        d.put("otherAgency", "CHILDRENS_SERVICES");
        d.put("fromStage", to - 1);
        d.put("toStage", to);
        d.put("cause", "ESCALATED");
        d.put("stageStartedOn", LocalDate.now().toString());
        d.put("deadline", LocalDate.now().plusDays(14).toString());
        d.put("deadlineShortened", false);
        d.put("notifyBusinessTeam", true);
        return d;
    }

    static Map<String, Object> resolved(UUID id, String childRef) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("escalationId", id.toString());
        d.put("childRef", childRef);
        d.put("partnership", "HSCP");
        d.put("raisedByAgency", "EDUCATION");
        d.put("otherAgency", "CHILDRENS_SERVICES");
        d.put("stage", 2);
        d.put("resolvedOn", LocalDate.now().toString());
        d.put("resolvedByAgency", "CHILDRENS_SERVICES");
        d.put("notifyBusinessTeam", true);
        return d;
    }

    static Map<String, Object> drift(UUID alertId, String childRef, boolean cleared) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("alertId", alertId.toString());
        d.put("rule", "D1");
        d.put("childRef", childRef);
        d.put("partnership", "HSCP");
        d.put("severity", "AMBER");
        d.put("evidence", List.of(Map.of("kind", "REFERRAL", "id", UUID.randomUUID().toString(),
                "eventId", UUID.randomUUID().toString(), "on", LocalDate.now().minusDays(5).toString())));
        d.put("practiceApproach", "CHALLENGE_DRIFT_AND_DELAY");
        d.put("detectedOn", LocalDate.now().toString());
        if (cleared) {
            d.put("clearedOn", LocalDate.now().toString());
        }
        return d;
    }

    @Test
    void theSummaryGivesTheMultiAgencyPictureFromTheRecordAndEscalationEvents() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        as("hscp-police").body(Map.of("type", "POLICE_ATTENDANCE", "occurredOn", LocalDate.now().minusDays(3).toString(),
                "summary", "Officers attended a report of children left alone")).when()
                .post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201);
        String first = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        as("hscp-health").body(contribution(List.of(
                Map.of("grade", 3, "indicatorCode", "HIOW.PHYSICAL_CARE.NUTRITION.0_4"))))
                .when().post("/api/v1/assessments/{id}/contributions", first).then().statusCode(201);
        as("hscp-childrens-services").body(completion(3, "PRE_VERBAL"))
                .when().post("/api/v1/assessments/{id}/completion", first).then().statusCode(200);
        String open = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");

        UUID escalation = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        publish("escalation.raised", childRef, raised(escalation, childRef));
        publish("escalation.stage-changed", childRef, stageChanged(escalation, childRef, 2));
        publish("drift.detected", childRef, drift(alert, childRef, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("hscp-police")
                .when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(200)
                .body("openEscalations.escalationId", contains(escalation.toString()))
                .body("openEscalations[0].stage", equalTo(2))
                .body("openDriftAlerts.alertId", contains(alert.toString())));

        as("hscp-police").when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(200)
                .body("childRef", equalTo(childRef))
                .body("ageBand", equalTo("0_4"))
                .body("level.level", equalTo(3))
                .body("level.since", equalTo(LocalDate.now().toString()))
                .body("level.decidedByAssessment", equalTo(first))
                .body("openAssessment.id", equalTo(open))
                .body("openAssessment.version", equalTo(1))
                .body("openEscalations[0].raisedByAgency", equalTo("EDUCATION"))
                .body("openEscalations[0].deadline", equalTo(LocalDate.now().plusDays(14).toString()))
                .body("openDriftAlerts[0].rule", equalTo("D1"))
                .body("agencies.agency", contains("HEALTH", "POLICE"))
                .body("agencies.find { it.agency == 'HEALTH' }.lead", equalTo(true))
                .body("agencies.find { it.agency == 'HEALTH' }.latestContributionOn", notNullValue())
                .body("agencies.find { it.agency == 'POLICE' }.latestEntryOn", equalTo(LocalDate.now().minusDays(3).toString()))
                .body("agencies.find { it.agency == 'POLICE' }.latestContributionOn", nullValue());

        // resolved and cleared: no longer open
        publish("escalation.resolved", childRef, resolved(escalation, childRef));
        publish("drift.cleared", childRef, drift(alert, childRef, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("hscp-health")
                .when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(200).body("openEscalations.size()", equalTo(0)).body("openDriftAlerts.size()", equalTo(0)));

        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'child.summary.read' }.clientId", hasItem("hscp-police"));
    }

    @Test
    void anotherAgencyStatesItsBasisAndAnotherPartnershipCannotTellTheChildExists() {
        String childRef = TestChildren.register("hscp-health");
        given().header("Authorization", bearer("hscp-police")).when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(200).body("level", nullValue()).body("openAssessment", nullValue());
        as("iowscp-health").when().get("/api/v1/children/{ref}/summary", childRef).then().statusCode(404);
        as("hscp-dashboard").contentType(ContentType.JSON).when().get("/api/v1/children/{ref}/summary", childRef)
                .then().statusCode(403);
    }
}
