package uk.org.neglectexchange.escalation.drift;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;

/** D11 end to end: child.plan-started / child.plan-ended on the real assessment-events topic, projected and evaluated. */
@QuarkusTest
class NeglectPlanDriftTest {

    @Inject
    DataSource db;

    @Inject
    DriftScan scan;

    @Inject
    Clock clock;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    private static String started(UUID planId, String childRef, String category, LocalDate start) {
        return """
                {"planId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "CHILDRENS_SERVICES",
                 "kind": "CHILD_PROTECTION", "category": "%s", "startDate": "%s", "recordedAt": "%sT09:00:00Z"}"""
                .formatted(planId, childRef, category, start, start);
    }

    private static String ended(UUID planId, String childRef, LocalDate start, LocalDate end) {
        return """
                {"planId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "CHILDRENS_SERVICES",
                 "kind": "CHILD_PROTECTION", "category": "NEGLECT", "startDate": "%s", "endDate": "%s",
                 "endReason": "STEPPED_DOWN", "endedAt": "%sT09:00:00Z"}""".formatted(planId, childRef, start, end, end);
    }

    private static ValidatableResponse d10(String childRef) {
        return given().header("Authorization", bearer("hscp-childrens-services"))
                .queryParam("childRef", childRef).queryParam("rule", "D11")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }

    @Test
    void aNeglectPlanOverTwoYearsAlertsRedAndItsEndClearsIt() throws Exception {
        String childRef = ChildRefs.random();
        UUID plan = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusMonths(25);
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.plan-started", childRef, "HSCP", started(plan, childRef, "NEGLECT", start));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d10(childRef).body("items", hasSize(1))
                    .body("items[0].severity", equalTo("RED")).body("items[0].status", equalTo("OPEN"))
                    .body("items[0].evidence[0].kind", equalTo("NEGLECT_PLAN_STARTED"))
                    .body("items[0].evidence[0].id", equalTo(plan.toString())));
            scan.scan(today);
            d10(childRef).body("items", hasSize(1));

            sender.send(UUID.randomUUID(), "child.plan-ended", childRef, "HSCP", ended(plan, childRef, start, today));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d10(childRef).body("items", hasSize(1))
                    .body("items[0].status", equalTo("CLEARED")));
        }
    }

    @Test
    void aSecondNeglectPlanAlertsAmberAndOtherCategoriesAreNotCounted() throws Exception {
        String childRef = ChildRefs.random();
        UUID first = UUID.randomUUID();
        UUID physical = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            // an end arriving first still projects its plan; a plan for physical abuse is not this rule's
            sender.send(UUID.randomUUID(), "child.plan-ended", childRef, "HSCP",
                    ended(first, childRef, today.minusMonths(20), today.minusMonths(12)));
            sender.send(UUID.randomUUID(), "child.plan-started", childRef, "HSCP",
                    started(physical, childRef, "PHYSICAL_ABUSE", today.minusMonths(30)));
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from case_fact where child_ref = ?", childRef) == 2);
            assertEquals(0, Rows.count(db, "select count(*) from case_fact where id = ?", physical));
            d10(childRef).body("items", hasSize(0));

            sender.send(UUID.randomUUID(), "child.plan-started", childRef, "HSCP",
                    started(second, childRef, "NEGLECT", today.minusMonths(1)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d10(childRef).body("items", hasSize(1))
                    .body("items[0].severity", equalTo("AMBER"))
                    .body("items[0].evidence.id", equalTo(java.util.List.of(first.toString(), second.toString()))));
        }
    }
}
