package uk.org.neglectexchange.escalation.procedure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;

/**
 * Alerts and escalations carry the practice approach and guidance link the partnership's current edition maps their
 * rule (or escalation) to: a new edition's mapping applies to what is raised after it, and a rule it leaves out has
 * no approach.
 */
@QuarkusTest
class PracticeApproachTest {

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    /** The next test finds WSSCP's usual mapping again. */
    @AfterEach
    void restoreTheUsualEdition() {
        publish(ToolkitEventSender.wsEdition(ToolkitEventSender.nextVersion(7), ToolkitEventSender.now()));
    }

    private static String publish(String edition) {
        String version = edition.replaceAll("(?s).*?\"version\": \"([^\"]+)\".*", "$1");
        ToolkitEventSender.publishEdition(edition);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer("wsscp-health"))
                .when().get("/api/v1/escalation-procedures/WSSCP").then().statusCode(200)
                .body("toolkitVersion", equalTo(version)));
        return version;
    }

    /** An undecided referral of long ago: D1 holds at once. */
    private static String childWithLateReferral(AssessmentEventSender sender) {
        String childRef = ChildRefs.random();
        LocalDate received = LocalDate.now().minusDays(20);
        sender.send(UUID.randomUUID(), "referral.received", childRef, "WSSCP", """
                {"referralId": "%s", "childRef": "%s", "partnership": "WSSCP", "agency": "HEALTH",
                 "receivedOn": "%s", "recordedAt": "%sT09:00:00Z"}""".formatted(UUID.randomUUID(), childRef, received, received));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d1(childRef).body("items", hasSize(1)));
        return childRef;
    }

    private static ValidatableResponse d1(String childRef) {
        return given().header("Authorization", bearer("wsscp-health")).queryParam("childRef", childRef).queryParam("rule", "D1")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }

    private static ValidatableResponse raise(String childRef) {
        return given().header("Authorization", bearer("wsscp-health")).header("X-Practitioner-Id", "hv-77")
                .contentType(ContentType.JSON).body(Map.of("childRef", childRef, "otherAgency", "CHILDRENS_SERVICES",
                        "disagreement", "The referral was closed without a visit", "currentRisk", "HIGH"))
                .when().post("/api/v1/escalations").then().statusCode(201);
    }

    @Test
    void alertsAndEscalationsCarryTheApproachTheCurrentEditionMapsAndANewEditionChangesIt() {
        String first = publish(ToolkitEventSender.wsEdition(ToolkitEventSender.nextVersion(7), ToolkitEventSender.now(),
                ToolkitEventSender.alertApproaches("WS", "7.0.1", "HEAR_THE_CHILD", "ESCALATE_AND_CHAMPION")));
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            String before = childWithLateReferral(sender);
            d1(before).body("items[0].practiceApproach", equalTo("HEAR_THE_CHILD"))
                    .body("items[0].practiceApproachName", equalTo("HEAR_THE_CHILD"))
                    .body("items[0].guidanceLink", equalTo("/api/v1/toolkits/WS/editions/7.0.1/guidance/ESCALATION"));
            String escalation = raise(ChildRefs.random())
                    .body("practiceApproach.code", equalTo("ESCALATE_AND_CHAMPION"))
                    .body("practiceApproach.guidanceLink", equalTo("/api/v1/toolkits/WS/editions/7.0.1/guidance/ESCALATION"))
                    .extract().path("id");

            // the next edition maps D1 elsewhere and the escalation nowhere
            String second = publish(ToolkitEventSender.wsEdition(ToolkitEventSender.nextVersion(7), ToolkitEventSender.now(),
                    ToolkitEventSender.alertApproaches("WS", "7.0.2", "TAKE_LONG_TERM_VIEW", null)));
            org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
            String after = childWithLateReferral(sender);
            d1(after).body("items[0].practiceApproach", equalTo("TAKE_LONG_TERM_VIEW"))
                    .body("items[0].guidanceLink", equalTo("/api/v1/toolkits/WS/editions/7.0.2/guidance/ESCALATION"));
            raise(ChildRefs.random()).body("practiceApproach", nullValue());

            // what was raised before keeps the approach of its own edition
            d1(before).body("items[0].practiceApproach", equalTo("HEAR_THE_CHILD"));
            given().header("Authorization", bearer("wsscp-health")).when().get("/api/v1/escalations/{id}", escalation)
                    .then().statusCode(200).body("practiceApproach.code", equalTo("ESCALATE_AND_CHAMPION"));
        }
    }

    @Test
    void anEditionWithoutAMappingGivesNoApproachRatherThanAWrongOne() {
        String edition = ToolkitEventSender.wsEdition(ToolkitEventSender.nextVersion(7), ToolkitEventSender.now(), "null");
        publish(edition);
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            String childRef = childWithLateReferral(sender);
            d1(childRef).body("items[0].practiceApproach", nullValue()).body("items[0].guidanceLink", nullValue());
            raise(ChildRefs.random()).body("practiceApproach", nullValue());
        }
    }
}
