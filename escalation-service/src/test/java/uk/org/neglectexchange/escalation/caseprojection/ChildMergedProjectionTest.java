package uk.org.neglectexchange.escalation.caseprojection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.drift.DriftScan;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.DriftEvaluated;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;

/** child.merged: the duplicate's facts, alerts and escalations follow the child to its surviving record. */
@QuarkusTest
class ChildMergedProjectionTest {

    @Inject
    DriftScan scan;

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void theDuplicatesHistoryAlertsAndEscalationsBecomeTheSurvivors() throws Exception {
        String surviving = ChildRefs.random();
        String duplicate = ChildRefs.random();
        UUID referralId = UUID.randomUUID();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            for (String childRef : new String[] { surviving, duplicate }) {
                sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                        {"childRef": "%s", "partnership": "HSCP", "leadAgency": "HEALTH", "ageBand": "0_4",
                         "registeredAt": "2026-08-27T10:00:00Z"}""".formatted(childRef));
            }
            sender.send(UUID.randomUUID(), "referral.received", duplicate, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "2026-08-28", "recordedAt": "2026-08-28T09:00:00Z"}""".formatted(referralId, duplicate));
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from case_fact where id = ?", referralId) == 1);
            // the referral undecided past its timescale: an alert on the duplicate
            DriftEvaluated.await(db, duplicate);
            scan.scan(LocalDate.parse("2026-09-02"));
            alerts(duplicate).body("items", hasSize(1)).body("items[0].status", equalTo("OPEN"));
            String escalation = given().header("Authorization", bearer("hscp-health")).header("X-Practitioner-Id", "hv-1")
                    .contentType(ContentType.JSON)
                    .body(Map.of("childRef", duplicate, "otherAgency", "CHILDRENS_SERVICES",
                            "disagreement", "The referral has not been decided", "currentRisk", "HIGH"))
                    .when().post("/api/v1/escalations").then().statusCode(201).extract().path("id");

            // keyed by the duplicate, as assessment-service publishes it
            sender.send(UUID.randomUUID(), "child.merged", duplicate, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "mergedChildRef": "%s", "survivingChildRef": "%s",
                     "mergedAt": "2026-09-02T12:00:00Z"}""".formatted(surviving, duplicate, surviving));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts(duplicate)
                    .body("items[0].status", equalTo("CLEARED")));
            assertEquals(1, Rows.count(db, "select count(*) from case_fact where id = ? and child_ref = ?",
                    referralId, surviving));
            alerts(surviving).body("items", hasSize(1)).body("items[0].status", equalTo("OPEN"));
            given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/escalations/{id}", escalation)
                    .then().statusCode(200).body("childRef", equalTo(surviving));
        }
    }

    private static ValidatableResponse alerts(String childRef) {
        return given().header("Authorization", bearer("hscp-health"))
                .queryParam("childRef", childRef).queryParam("rule", "D1")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }
}
