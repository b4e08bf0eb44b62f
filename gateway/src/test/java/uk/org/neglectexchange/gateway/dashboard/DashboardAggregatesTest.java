package uk.org.neglectexchange.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard's aggregates from real CloudEvents on the shared test topics. Other runs publish there too, so
 * every count is a difference around events of fresh children, read once the dashboard's consumer has caught up;
 * counts under made-up agency codes or in a long-past week are exact.
 */
@QuarkusTest
class DashboardAggregatesTest {

    private static final String HSCP = "hscp-dashboard";
    private static final String WSSCP = "wsscp-dashboard";
    private static final LocalDate TODAY = LocalDate.now();

    private static DashboardEvents events;

    @BeforeAll
    static void producer() {
        events = new DashboardEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void eachChildCountsOnceByItsLatestCompletedAssessmentInItsOwnPartnership() {
        events.awaitConsumed();
        Map<String, Long> categories = counts(HSCP, "children-by-category");
        Map<String, Long> levels = counts(HSCP, "children-by-level");
        Map<String, Long> wsCategories = counts(WSSCP, "children-by-category");

        String child = DashboardEvents.childRef();
        String agency = DashboardEvents.agency();
        events.assessmentCompleted(child, "HSCP", "EMOTIONAL", 2, List.of(agency), TODAY.minusDays(10));
        UUID latest = events.assessmentCompleted(child, "HSCP", "SEVERE_DEPRIVATION", 3, List.of(agency), TODAY.minusDays(2));
        // the same event delivered again, and an older assessment arriving after the newer one
        events.assessmentCompleted(child, "HSCP", "SEVERE_DEPRIVATION", 3, List.of(agency), TODAY.minusDays(2), latest);
        events.assessmentCompleted(child, "HSCP", "DISORGANISED", 4, List.of(agency), TODAY.minusDays(20));
        events.assessmentCompleted(DashboardEvents.childRef(), "WSSCP", "EMOTIONAL", 1, List.of(agency), TODAY);
        events.awaitConsumed();

        assertEquals(plus(categories, "SEVERE_DEPRIVATION", 1), counts(HSCP, "children-by-category"));
        assertEquals(plus(levels, "3", 1), counts(HSCP, "children-by-level"));
        assertEquals(plus(wsCategories, "EMOTIONAL", 1), counts(WSSCP, "children-by-category"));
    }

    @Test
    void aTransferMovesTheChildAndAnOlderTransferArrivingLateDoesNotMoveItBack() {
        String child = DashboardEvents.childRef();
        events.assessmentCompleted(child, "HSCP", "DEPRESSED_PASSIVE", 4, List.of("HEALTH"), TODAY);
        events.awaitConsumed();
        Map<String, Long> hscp = counts(HSCP, "children-by-category");
        Map<String, Long> wsscp = counts(WSSCP, "children-by-category");
        Map<String, Long> iowscp = counts("iowscp-dashboard", "children-by-category");

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        events.childTransferred(child, "HSCP", "WSSCP", now);
        events.childTransferred(child, "HSCP", "IOWSCP", now.minusDays(3));
        events.awaitConsumed();

        assertEquals(plus(hscp, "DEPRESSED_PASSIVE", -1), counts(HSCP, "children-by-category"));
        assertEquals(plus(wsscp, "DEPRESSED_PASSIVE", 1), counts(WSSCP, "children-by-category"));
        assertEquals(iowscp, counts("iowscp-dashboard", "children-by-category"));
    }

    @Test
    void twoRecordsMergedAreOneChildCountedByItsLatestAssessment() {
        events.awaitConsumed();
        Map<String, Long> before = counts(HSCP, "children-by-category");
        String surviving = DashboardEvents.childRef();
        String duplicate = DashboardEvents.childRef();
        events.assessmentCompleted(surviving, "HSCP", "EMOTIONAL", 2, List.of("HEALTH"), TODAY.minusDays(9));
        events.assessmentCompleted(duplicate, "HSCP", "SEVERE_DEPRIVATION", 3, List.of("POLICE"), TODAY.minusDays(4));
        events.awaitConsumed();
        assertEquals(plus(plus(before, "EMOTIONAL", 1), "SEVERE_DEPRIVATION", 1), counts(HSCP, "children-by-category"));

        events.childMerged(duplicate, surviving, "HSCP");
        events.awaitConsumed();
        assertEquals(plus(before, "SEVERE_DEPRIVATION", 1), counts(HSCP, "children-by-category"));
    }

    @Test
    void aClosedCaseLeavesTheCountsUntilTheClosureIsCorrected() {
        events.awaitConsumed();
        Map<String, Long> before = counts(HSCP, "children-by-level");
        String child = DashboardEvents.childRef();
        events.assessmentCompleted(child, "HSCP", "EMOTIONAL", 2, List.of("EDUCATION"), TODAY.minusDays(5));
        UUID closure = events.caseClosed(child, "HSCP", TODAY.minusDays(1));
        events.awaitConsumed();
        assertEquals(before, counts(HSCP, "children-by-level"));

        events.chronologyEntry(child, "HSCP", "CHILDRENS_SERVICES", UUID.randomUUID(), closure);
        events.awaitConsumed();
        assertEquals(plus(before, "2", 1), counts(HSCP, "children-by-level"));
    }

    @Test
    void levelChangesAreCountedUpAndDownPerWeekAndMonth() {
        // a week in the 1990s that no other test uses, so its counts are exact
        LocalDate monday = LocalDate.of(1990, 1, 1).plusWeeks(ThreadLocalRandom.current().nextInt(500))
                .with(DayOfWeek.MONDAY);
        String child = DashboardEvents.childRef();
        UUID up = events.thresholdChanged(child, "HSCP", 2, 3, monday.plusDays(1), UUID.randomUUID());
        events.thresholdChanged(child, "HSCP", 2, 3, monday.plusDays(1), up);
        events.thresholdChanged(child, "HSCP", 3, 4, monday.plusDays(2), UUID.randomUUID());
        events.thresholdChanged(child, "HSCP", 4, 2, monday.plusDays(8), UUID.randomUUID());
        events.thresholdChanged(child, "HSCP", null, 2, monday.plusDays(3), UUID.randomUUID());
        events.thresholdChanged(DashboardEvents.childRef(), "WSSCP", 1, 2, monday.plusDays(1), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(HSCP))
                .queryParam("from", monday.toString()).queryParam("to", monday.plusDays(13).toString())
                .when().get("/api/v1/dashboard/level-changes")
                .then().statusCode(200)
                .body("partnership", equalTo("HSCP"))
                .body("interval", equalTo("week"))
                .body("buckets.size()", equalTo(2))
                .body("buckets[0].start", equalTo(monday.toString()))
                .body("buckets[0].up", equalTo(2)).body("buckets[0].down", equalTo(0))
                .body("buckets[1].start", equalTo(monday.plusWeeks(1).toString()))
                .body("buckets[1].up", equalTo(0)).body("buckets[1].down", equalTo(1)));
        JsonPath months = given().header("Authorization", bearer(HSCP))
                .queryParam("from", monday.toString()).queryParam("to", monday.plusDays(13).toString())
                .queryParam("interval", "month")
                .when().get("/api/v1/dashboard/level-changes")
                .then().statusCode(200).body("interval", equalTo("month")).extract().jsonPath();
        long upInMonths = months.getList("buckets.up", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertEquals(2, upInMonths);
        assertEquals(monday.withDayOfMonth(1).toString(), months.getString("buckets[0].start"));
    }

    @Test
    void levelChangesDefaultToTwelveWeeksEndingToday() {
        given().header("Authorization", bearer(HSCP))
                .when().get("/api/v1/dashboard/level-changes")
                .then().statusCode(200)
                .body("interval", equalTo("week"))
                .body("to", equalTo(LocalDate.now(DashboardResource.LOCAL).toString()))
                .body("buckets.size()", equalTo(12));
    }

    @Test
    void openDriftAlertsByRuleAndAge() {
        events.awaitConsumed();
        JsonPath before = get(HSCP, "drift-alerts");
        JsonPath wsBefore = get(WSSCP, "drift-alerts");

        String child = DashboardEvents.childRef();
        events.drift("drift.detected", UUID.randomUUID(), "D2", child, "HSCP", TODAY.minusDays(3));
        events.drift("drift.detected", UUID.randomUUID(), "D2", child, "HSCP", TODAY.minusDays(20));
        events.drift("drift.detected", UUID.randomUUID(), "D6", child, "HSCP", TODAY.minusDays(120));
        UUID cleared = UUID.randomUUID();
        events.drift("drift.detected", cleared, "D7", child, "HSCP", TODAY.minusDays(40));
        events.drift("drift.cleared", cleared, "D7", child, "HSCP", TODAY.minusDays(40));
        // a clearance that overtook its detection stays cleared
        UUID overtaken = UUID.randomUUID();
        events.drift("drift.cleared", overtaken, "D3", child, "HSCP", TODAY.minusDays(50));
        events.drift("drift.detected", overtaken, "D3", child, "HSCP", TODAY.minusDays(50));
        events.drift("drift.detected", UUID.randomUUID(), "D1", DashboardEvents.childRef(), "WSSCP", TODAY);
        events.awaitConsumed();

        JsonPath after = get(HSCP, "drift-alerts");
        assertEquals(before.getLong("open") + 3, after.getLong("open"));
        assertEquals(plus(map(before, "byRule"), "D2", 2, "D6", 1), map(after, "byRule"));
        assertEquals(plus(map(before, "byAge"), "0-7d", 1, "8-30d", 1, ">90d", 1), map(after, "byAge"));
        JsonPath wsAfter = get(WSSCP, "drift-alerts");
        assertEquals(plus(map(wsBefore, "byRule"), "D1", 1), map(wsAfter, "byRule"));
    }

    @Test
    void childrenOnANeglectProtectionPlanByItsLength() {
        events.awaitConsumed();
        JsonPath before = get(HSCP, "neglect-protection-plans");
        JsonPath wsBefore = get(WSSCP, "neglect-protection-plans");

        String recent = DashboardEvents.childRef();
        events.plan(recent, "HSCP", UUID.randomUUID(), "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(3), null);
        String middle = DashboardEvents.childRef();
        events.plan(middle, "HSCP", UUID.randomUUID(), "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(18), null);
        String longest = DashboardEvents.childRef();
        events.plan(longest, "HSCP", UUID.randomUUID(), "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(30), null);
        // not counted: another category, another kind, an ended plan (its end overtaking its start), another partnership
        events.plan(DashboardEvents.childRef(), "HSCP", UUID.randomUUID(), "CHILD_PROTECTION", "PHYSICAL_ABUSE", TODAY.minusMonths(3), null);
        events.plan(DashboardEvents.childRef(), "HSCP", UUID.randomUUID(), "CHILD_IN_NEED", null, TODAY.minusMonths(3), null);
        String ended = DashboardEvents.childRef();
        UUID endedPlan = UUID.randomUUID();
        events.plan(ended, "HSCP", endedPlan, "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(40), TODAY.minusDays(1));
        events.plan(ended, "HSCP", endedPlan, "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(40), null);
        events.plan(DashboardEvents.childRef(), "WSSCP", UUID.randomUUID(), "CHILD_PROTECTION", "NEGLECT", TODAY.minusMonths(30), null);
        events.awaitConsumed();

        JsonPath after = get(HSCP, "neglect-protection-plans");
        assertEquals(before.getLong("open") + 3, after.getLong("open"));
        assertEquals(plus(map(before, "byLength"), "<1y", 1, "1-2y", 1, ">2y", 1), map(after, "byLength"));
        assertEquals(plus(map(wsBefore, "byLength"), ">2y", 1), map(get(WSSCP, "neglect-protection-plans"), "byLength"));

        // the child moves with its plan
        events.childTransferred(longest, "HSCP", "WSSCP", OffsetDateTime.now(ZoneOffset.UTC));
        events.awaitConsumed();
        assertEquals(plus(map(before, "byLength"), "<1y", 1, "1-2y", 1), map(get(HSCP, "neglect-protection-plans"), "byLength"));
        assertEquals(plus(map(wsBefore, "byLength"), ">2y", 2), map(get(WSSCP, "neglect-protection-plans"), "byLength"));
    }

    @Test
    void openEscalationsByStageAndOverdue() {
        events.awaitConsumed();
        JsonPath before = get(HSCP, "escalations");
        JsonPath wsBefore = get(WSSCP, "escalations");

        String child = DashboardEvents.childRef();
        events.escalationRaised(UUID.randomUUID(), child, "HSCP", 1, TODAY.plusDays(5));
        UUID moved = UUID.randomUUID();
        events.escalationRaised(moved, child, "HSCP", 1, TODAY.minusDays(10));
        events.escalationStageChanged(moved, child, "HSCP", 1, 2, TODAY.minusDays(1));
        UUID resolved = UUID.randomUUID();
        events.escalationRaised(resolved, child, "HSCP", 1, TODAY.minusDays(3));
        events.escalationResolved(resolved, child, "HSCP", 1);
        // a stage change that overtook the escalation's raising keeps the higher stage
        UUID overtaken = UUID.randomUUID();
        events.escalationStageChanged(overtaken, child, "HSCP", 2, 3, TODAY.plusDays(2));
        events.escalationRaised(overtaken, child, "HSCP", 1, TODAY.minusDays(5));
        events.escalationRaised(UUID.randomUUID(), DashboardEvents.childRef(), "WSSCP", 4, TODAY.minusDays(1));
        events.awaitConsumed();

        JsonPath after = get(HSCP, "escalations");
        assertEquals(before.getLong("open") + 3, after.getLong("open"));
        assertEquals(plus(map(before, "byStage"), "1", 1, "2", 1, "3", 1), map(after, "byStage"));
        assertEquals(before.getLong("overdue") + 1, after.getLong("overdue"));
        JsonPath wsAfter = get(WSSCP, "escalations");
        assertEquals(plus(map(wsBefore, "byStage"), "4", 1), map(wsAfter, "byStage"));
        assertEquals(wsBefore.getLong("overdue") + 1, wsAfter.getLong("overdue"));
    }

    @Test
    void escalationsAndDriftAlertsFollowATransferredChild() {
        events.awaitConsumed();
        JsonPath escalations = get(HSCP, "escalations");
        JsonPath wsEscalations = get(WSSCP, "escalations");
        JsonPath alerts = get(HSCP, "drift-alerts");
        JsonPath wsAlerts = get(WSSCP, "drift-alerts");

        String child = DashboardEvents.childRef();
        UUID moved = UUID.randomUUID();
        events.escalationRaised(moved, child, "HSCP", 2, TODAY.plusDays(5));
        UUID closed = UUID.randomUUID();
        events.escalationRaised(closed, child, "HSCP", 1, TODAY.plusDays(5));
        UUID alert = UUID.randomUUID();
        events.drift("drift.detected", alert, "D2", child, "HSCP", TODAY.minusDays(3));
        events.escalationTransferred(moved, child, "HSCP", "WSSCP", 2, TODAY.plusDays(7));
        events.escalationClosed(closed, child, "HSCP", "WSSCP", 1);
        events.driftTransferred(alert, "D2", child, "HSCP", "WSSCP", TODAY.minusDays(3));
        events.awaitConsumed();

        // the partnership the child left counts none of them; the one it joined counts the moved ones
        assertEquals(map(escalations, "byStage"), map(get(HSCP, "escalations"), "byStage"));
        assertEquals(plus(map(wsEscalations, "byStage"), "2", 1), map(get(WSSCP, "escalations"), "byStage"));
        assertEquals(map(alerts, "byRule"), map(get(HSCP, "drift-alerts"), "byRule"));
        assertEquals(plus(map(wsAlerts, "byRule"), "D2", 1), map(get(WSSCP, "drift-alerts"), "byRule"));
    }

    @Test
    void contributionsByAgencyCountEachAssessmentAndCurrentChronologyEntryOnce() {
        String x = DashboardEvents.agency();
        String y = DashboardEvents.agency();
        String child = DashboardEvents.childRef();
        UUID first = events.assessmentCompleted(child, "HSCP", "EMOTIONAL", 2, List.of(x, y), TODAY);
        events.assessmentCompleted(child, "HSCP", "EMOTIONAL", 2, List.of(x, y), TODAY, first);
        events.assessmentCompleted(child, "HSCP", "EMOTIONAL", 2, List.of(x), TODAY);
        events.assessmentCompleted(DashboardEvents.childRef(), "WSSCP", "EMOTIONAL", 2, List.of(y), TODAY);
        UUID entry = UUID.randomUUID();
        events.chronologyEntry(child, "HSCP", x, entry, null);
        events.chronologyEntry(child, "HSCP", x, UUID.randomUUID(), entry);
        events.chronologyEntry(child, "HSCP", y, UUID.randomUUID(), null);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(HSCP))
                .when().get("/api/v1/dashboard/contributions-by-agency")
                .then().statusCode(200)
                .body("partnership", equalTo("HSCP"))
                .body("counts." + x, equalTo(2)).body("counts." + y, equalTo(1))
                .body("chronologyEntries." + x, equalTo(1)).body("chronologyEntries." + y, equalTo(1)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(WSSCP))
                .when().get("/api/v1/dashboard/contributions-by-agency")
                .then().statusCode(200)
                .body("counts", not(hasKey(x))).body("counts." + y, equalTo(1)));
    }

    @Test
    void theOverviewHoldsEverySectionAndNoChildRef() {
        String child = DashboardEvents.childRef();
        events.assessmentCompleted(child, "HSCP", "DISORGANISED", 1, List.of("POLICE"), TODAY);
        events.awaitConsumed();
        String body = given().header("Authorization", bearer(HSCP))
                .when().get("/api/v1/dashboard")
                .then().statusCode(200)
                .contentType("application/json")
                .body("partnership", equalTo("HSCP"))
                .body("asOf", notNullValue())
                .body("childrenByCategory.keySet()", hasItem("SEVERE_DEPRIVATION"))
                .body("childrenByLevel.keySet()", hasItem("4"))
                .body("driftAlerts.byAge.keySet()", hasItem(">90d"))
                .body("escalations.byStage.keySet()", hasItem("1"))
                .body("contributionsByAgency.POLICE", notNullValue())
                .body("neglectProtectionPlans.byLength.keySet()", hasItem(">2y"))
                .extract().asString();
        assertEquals(false, body.contains("CH-"), "aggregates only: no childRef in the overview");
    }

    private static JsonPath get(String client, String path) {
        return given().header("Authorization", bearer(client))
                .when().get("/api/v1/dashboard/" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> counts(String client, String path) {
        return map(get(client, path), "counts");
    }

    private static Map<String, Long> map(JsonPath json, String path) {
        Map<String, Long> counts = new HashMap<>();
        json.getMap(path, String.class, Number.class).forEach((key, n) -> counts.put(key, n.longValue()));
        return counts;
    }

    /** The counts with the given changes: key, delta, key, delta... */
    private static Map<String, Long> plus(Map<String, Long> counts, Object... changes) {
        Map<String, Long> expected = new HashMap<>(counts);
        for (int i = 0; i < changes.length; i += 2) {
            expected.merge((String) changes[i], ((Integer) changes[i + 1]).longValue(), Long::sum);
        }
        return expected;
    }
}
