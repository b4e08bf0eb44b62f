package uk.org.neglectexchange.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The toolkit review panel: the partnership's newest published edition and its review status, from
 * toolkit.edition.published, toolkit.review.due and toolkit.review.overdue (on a private topic, see
 * {@link PrivateToolkitTopic}). IOWSCP is left without editions here, to show the 404.
 */
@QuarkusTest
@TestProfile(PrivateToolkitTopic.class)
class ToolkitReviewTest {

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
    void theNewestEditionIsCurrentThenDueThenOverdue() {
        // later than any edition an earlier run left on the private topic
        OffsetDateTime published = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDate due = LocalDate.now().plusMonths(12);
        String version = "7." + published.toEpochSecond() % 1000 + ".0";
        events.editionPublished("HIOW", "6.0.0", List.of("HSCP"), published.minusDays(400), due.minusDays(400));
        events.editionPublished("HIOW", version, List.of("HSCP"), published, due);
        awaitReview(version, "CURRENT");
        String publishedAt = given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/dashboard/toolkit-review")
                .then().body("family", equalTo("HIOW"))
                .body("reviewDueOn", equalTo(due.toString()))
                .extract().path("publishedAt");
        // compared as instants: on a whole minute OffsetDateTime prints "13:06Z" and the API "13:06:00Z"
        assertEquals(published.toInstant(), OffsetDateTime.parse(publishedAt).toInstant());

        events.reviewNotice("toolkit.review.due", "HIOW", version, List.of("HSCP"), published, due);
        awaitReview(version, "DUE");
        events.reviewNotice("toolkit.review.overdue", "HIOW", version, List.of("HSCP"), published, due);
        awaitReview(version, "OVERDUE");
    }

    @Test
    void anEditionPastItsReviewDateIsOverdueBeforeAnyNotice() {
        OffsetDateTime published = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String version = "3." + published.toEpochSecond() % 1000 + ".1";
        events.editionPublished("WS", version, List.of("WSSCP"), published, LocalDate.now().minusDays(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", bearer("wsscp-dashboard"))
                .when().get("/api/v1/dashboard/toolkit-review")
                .then().statusCode(200)
                .body("partnership", equalTo("WSSCP"))
                .body("family", equalTo("WS"))
                .body("version", equalTo(version))
                .body("status", equalTo("OVERDUE")));
    }

    @Test
    void aPartnershipWithoutAnEditionGets404() {
        events.awaitConsumed();
        assertProblem(given().header("Authorization", bearer("iowscp-dashboard"))
                .when().get("/api/v1/dashboard/toolkit-review").then(), 404, "Not Found", "not-found");
        given().header("Authorization", bearer("iowscp-dashboard"))
                .when().get("/api/v1/dashboard")
                .then().statusCode(200).body("toolkitReview", equalTo(null));
    }

    private static void awaitReview(String version, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/dashboard/toolkit-review")
                .then().statusCode(200)
                .body("partnership", equalTo("HSCP"))
                .body("version", equalTo(version))
                .body("status", equalTo(status)));
    }
}
