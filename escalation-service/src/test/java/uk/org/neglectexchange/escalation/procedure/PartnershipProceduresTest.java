package uk.org.neglectexchange.escalation.procedure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** Partnership procedures follow the published toolkit edition, through the real toolkit-events topic. */
@QuarkusTest
class PartnershipProceduresTest {

    @Inject
    DataSource db;

    @Test
    void theNewestPublishedEditionSetsEachPartnershipsProcedure() throws Exception {
        String version = nextVersion();
        ToolkitEventSender.publishEdition(ToolkitEventSender.hiowEdition(version, ToolkitEventSender.now(), 7));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures/IOWSCP")
                .then().statusCode(200)
                .body("toolkitVersion", equalTo(version))
                .body("procedureCode", equalTo("HIPS_7_3"))
                .body("stageDeadlineWorkingDays.4", equalTo(7))
                .body("driftRules.assessmentWorkingDays", equalTo(45)));
    }

    @Test
    void anOlderPublicationArrivingLateDoesNotReplaceANewerOne() throws Exception {
        String newer = nextVersion();
        UUID lastOlder = UUID.randomUUID();
        try (ToolkitEventSender sender = new ToolkitEventSender()) {
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.hiowEdition(newer, ToolkitEventSender.now(), 8));
            sender.sendEditionPublished(UUID.randomUUID(),
                    ToolkitEventSender.hiowEdition(nextVersion(), ToolkitEventSender.now().minusDays(30), 9));
            sender.sendEditionPublished(lastOlder, ToolkitEventSender.hiowEdition(nextVersion(),
                    ToolkitEventSender.now().minusDays(29), 9));
        }
        // same key, same partition: once the last one is processed, every one before it has been
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(lastOlder));
        given().header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures/HSCP")
                .then().statusCode(200)
                .body("toolkitVersion", equalTo(newer))
                .body("stageDeadlineWorkingDays.4", equalTo(8));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        String good = nextVersion();
        try (ToolkitEventSender sender = new ToolkitEventSender(); TopicReader dlq = new TopicReader(sender.topic() + ".dlq")) {
            String poisonId = UUID.randomUUID().toString();
            sender.send("HIOW", Map.of("id", poisonId, "specversion", "1.0",
                    "type", "toolkit.edition.published", "source", "/test"), "[1, 2");
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.hiowEdition(good, ToolkitEventSender.now(), 6));
            // other modules' tests share the topic: only this test's record counts
            var dead = dlq.await(r -> poisonId.equals(header(r, "ce_id")), Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("nothing on the DLQ"));
            assertTrue(header(dead, "dead-letter-reason").contains("not valid JSON"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures/HSCP")
                .then().statusCode(200).body("toolkitVersion", equalTo(good)));
    }

    @Test
    void anUnknownPartnershipIsAProblem() {
        given().header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures/KENT")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/escalation-procedures")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private boolean processed(UUID eventId) throws SQLException {
        return Rows.exist(db, "select 1 from processed_event where event_id = ?", eventId);
    }

    /** Greater than any version a previous run left on the topic. */
    private static String nextVersion() {
        return ToolkitEventSender.nextVersion(5);
    }
}
