package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.act;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.disagreement;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.get;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.newChildRef;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raise;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raised;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;

/** The escalation API through the real port, with real Keycloak tokens, against real PostgreSQL and Kafka. */
@QuarkusTest
class EscalationResourceTest {

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void anAgencyRaisesADisagreementThatTheOtherAgencySeesAndNoOtherDoes() {
        String id = raise("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/escalations/"))
                .body("stage", equalTo(1))
                .body("procedureCode", equalTo("HIPS_7_3"))
                .body("status", equalTo("OPEN"))
                .body("type", equalTo("PROFESSIONAL_DISAGREEMENT"))
                .body("deadline", equalTo(calendar.plusWorkingDays(LocalDate.now(clock), 5).toString()))
                .body("stages[0].enteredBecause", equalTo("RAISED"))
                .body("stages[0].agencies", hasItems("CHILDRENS_SERVICES", "HEALTH"))
                .extract().path("id");

        get("hscp-health", id).statusCode(200).body("disagreement", containsString("without a home visit"));
        given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/escalations")
                .then().statusCode(200).body("items.id", hasItem(id));
        get("hscp-police", id).statusCode(404).contentType("application/problem+json");
        get("iowscp-police", id).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer("iowscp-health")).when().get("/api/v1/escalations")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void anotherPartnershipsChildIsNotFoundWhenRaisingAboutIt() throws Exception {
        String childRef = ChildRefs.random();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "IOWSCP", """
                    {"childRef": "%s", "partnership": "IOWSCP", "leadAgency": "CHILDRENS_SERVICES", "ageBand": "0_4",
                     "registeredAt": "2026-08-27T10:00:00Z"}""".formatted(childRef));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projectedPartnership(childRef), equalTo("IOWSCP"));

        raise("hscp-childrens-services", disagreement(childRef, "HEALTH"))
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No child with this childRef in your partnership"));
        raise("iowscp-childrens-services", disagreement(childRef, "HEALTH")).statusCode(201);
    }

    private String projectedPartnership(String childRef) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select partnership from case_child where child_ref = ?")) {
            q.setString(1, childRef);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void complaintsConferenceDisputesAndSystemicIssuesAreRefusedWithTheirRoute() {
        Map<String, String> routes = Map.of("COMPLAINT", "complaints procedure",
                "CP_CONFERENCE_DECISION", "conference dispute resolution procedure",
                "SYSTEMIC_ISSUE", "learning and improvement");
        routes.forEach((type, route) -> raise("hscp-childrens-services", with(disagreement(newChildRef(), "HEALTH"), "type", type))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(route))
                .body("errors[0].field", equalTo("type")));
    }

    @Test
    void skippingStagesNeedsAnUrgencyReason() {
        Map<String, Object> atStage3 = with(disagreement(newChildRef(), "POLICE"), "startStage", 3);
        raise("hscp-childrens-services", atStage3).statusCode(422)
                .body("errors[0].field", equalTo("urgencyReason"));
        raise("hscp-childrens-services", with(atStage3, "urgencyReason", "child at immediate risk"))
                .statusCode(201)
                .body("stage", equalTo(3))
                .body("stages", hasSize(1))
                .body("stages[0].enteredBecause", equalTo("RAISED_URGENT"));
    }

    @Test
    void aDeadlineMayBeShortenedWithAReasonButNeverLengthened() {
        Map<String, Object> longer = with(with(disagreement(newChildRef(), "HEALTH"), "shortenedDeadlineWorkingDays", 20),
                "deadlineReason", "more time");
        raise("hscp-childrens-services", longer).statusCode(422)
                .body("detail", containsString("never lengthened"))
                .body("errors[0].field", equalTo("shortenedDeadlineWorkingDays"));
        Map<String, Object> shorter = with(disagreement(newChildRef(), "HEALTH"), "shortenedDeadlineWorkingDays", 2);
        raise("hscp-childrens-services", shorter).statusCode(422).body("errors[0].field", equalTo("deadlineReason"));
        raise("hscp-childrens-services", with(shorter, "deadlineReason", "baby unseen for three weeks"))
                .statusCode(201)
                .body("deadline", equalTo(calendar.plusWorkingDays(LocalDate.now(clock), 2).toString()))
                .body("stages[0].deadlineWorkingDays", equalTo(2));
    }

    @Test
    void escalatingNeedsAReasonAndStopsAtStageFour() {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "EDUCATION"));
        act("hscp-education", id, 1, Map.of("action", "escalate")).statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        act("hscp-education", id, 1, Map.of("action", "escalate", "reason", "no agreement between practitioners",
                "role", "designated teacher"))
                .statusCode(200)
                .body("stage", equalTo(2))
                .body("stages[0].endedOn", notNullValue())
                .body("stages[0].roles", hasItem("designated teacher"))
                .body("stages[1].enteredBecause", equalTo("ESCALATED"));
        act("hscp-childrens-services", id, 2, Map.of("action", "escalate", "reason", "managers disagree")).statusCode(200)
                .body("stage", equalTo(3));
        act("hscp-childrens-services", id, 3, Map.of("action", "escalate", "reason", "senior managers disagree"))
                .statusCode(200).body("stage", equalTo(4));
        act("hscp-childrens-services", id, 4, Map.of("action", "escalate", "reason", "still no agreement"))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("last stage"));
        get("hscp-education", id).statusCode(200).body("stages", hasSize(4)).body("actions", hasSize(3)); // refused actions leave nothing behind
    }

    @Test
    void aRespondedDisagreementIsResolvedWithOutcomeAndWhoResolvedIt() {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        act("hscp-health", id, 1, Map.of("action", "respond", "note", "a home visit is booked for Monday",
                "agreedAction", "joint home visit", "role", "health visitor"))
                .statusCode(200)
                .body("stages[0].agreedAction", equalTo("joint home visit"))
                .body("stages[0].roles", hasItem("health visitor"));
        act("hscp-health", id, 1, Map.of("action", "resolve")).statusCode(422)
                .body("errors.field", hasItems("outcome", "resolvedBy"));
        act("hscp-childrens-services", id, 1, Map.of("action", "resolve", "outcome", "joint visit agreed",
                "resolvedBy", "CSC team manager"))
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo("CSC team manager"))
                .body("resolvedByAgency", equalTo("CHILDRENS_SERVICES"))
                .body("stages[0].outcome", equalTo("joint visit agreed"));
        act("hscp-health", id, 1, Map.of("action", "respond", "note", "late reply")).statusCode(409);
        given().header("Authorization", bearer("hscp-health")).queryParam("status", "RESOLVED").queryParam("stage", 1)
                .when().get("/api/v1/escalations")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.status", everyItem(equalTo("RESOLVED")));
    }

    @Test
    void aRetriedRaiseWithTheSameIdempotencyKeyReturnsTheFirstEscalation() {
        String key = "retry-" + newChildRef();
        Map<String, Object> body = disagreement(newChildRef(), "POLICE");
        String first = raiseWithKey(key, body).statusCode(201).extract().path("id");
        raiseWithKey(key, body).statusCode(201).body("id", equalTo(first));
        raiseWithKey(key, disagreement(newChildRef(), "POLICE")).statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().header("Authorization", bearer("hscp-police")).queryParam("limit", 200)
                .when().get("/api/v1/escalations")
                .then().statusCode(200).body("items.findAll { it.id == '" + first + "' }", hasSize(1));
    }

    private static ValidatableResponse raiseWithKey(String key, Map<String, Object> body) {
        return given().header("Authorization", bearer("hscp-childrens-services")).header("X-Practitioner-Id", "p-1001")
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/escalations").then();
    }

    @Test
    void writesNameThePractitioner() {
        given().header("Authorization", bearer("hscp-childrens-services"))
                .contentType(ContentType.JSON).body(disagreement(newChildRef(), "HEALTH"))
                .when().post("/api/v1/escalations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Practitioner-Id"));
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        given().header("Authorization", bearer("hscp-health"))
                .contentType(ContentType.JSON).body(Map.of("action", "respond", "note", "seen"))
                .when().post("/api/v1/escalations/{id}/actions", id)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
    }

    @Test
    void practitionerAndIdempotencyKeyAreIdentifiersAsInTheAssessmentService() {
        for (String practitioner : List.of("Jane Smith", "943 476 5919", "p".repeat(101), "p-1;drop")) {
            given().header("Authorization", bearer("hscp-childrens-services")).header("X-Practitioner-Id", practitioner)
                    .contentType(ContentType.JSON).body(disagreement(newChildRef(), "HEALTH"))
                    .when().post("/api/v1/escalations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("X-Practitioner-Id"));
        }
        for (String key : List.of("short", "with space in it", "k".repeat(101), "key/../../etc")) {
            raiseWithKey(key, disagreement(newChildRef(), "HEALTH")).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    @Test
    void badInputIsAProblemNamingTheFieldWithoutEchoingIt() {
        String secret = "x".repeat(4001);
        raise("hscp-childrens-services", with(disagreement(newChildRef(), "HEALTH"), "disagreement", secret))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("disagreement"))
                .body(not(containsString(secret)));
        raise("hscp-childrens-services", with(disagreement(newChildRef(), "HEALTH"), "currentRisk", "SEVERE"))
                .statusCode(400).body("errors[0].field", equalTo("currentRisk"));
        raise("hscp-childrens-services", disagreement(newChildRef(), "CHILDRENS_SERVICES"))
                .statusCode(422).body("errors[0].field", equalTo("otherAgency"));
        given().header("Authorization", bearer("hscp-health")).queryParam("status", "LOST")
                .when().get("/api/v1/escalations")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        get("hscp-health", "not-a-uuid").statusCode(404);
    }

    @Test
    void tokensAndRolesAreChecked() {
        given().when().get("/api/v1/escalations").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-dashboard")).when().get("/api/v1/escalations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void listsArePagedByCursor() {
        for (int i = 0; i < 3; i++) {
            raised("iowscp-education", disagreement(newChildRef(), "POLICE"));
        }
        String cursor = given().header("Authorization", bearer("iowscp-police")).queryParam("limit", 2)
                .when().get("/api/v1/escalations")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().header("Authorization", bearer("iowscp-police")).queryParam("limit", 200).queryParam("cursor", cursor)
                .when().get("/api/v1/escalations")
                .then().statusCode(200).body("items.size()", equalTo(countAfterFirstTwo())).body("nextCursor", nullValue());
    }

    private int countAfterFirstTwo() {
        int all = given().header("Authorization", bearer("iowscp-police")).queryParam("limit", 200)
                .when().get("/api/v1/escalations").then().statusCode(200).extract().path("items.size()");
        return all - 2;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
