package uk.org.neglectexchange.escalation.caseprojection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
import uk.org.neglectexchange.escalation.drift.DriftScan;
import uk.org.neglectexchange.escalation.support.AssessmentEventSender;
import uk.org.neglectexchange.escalation.support.DriftEvaluated;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;

/** child.erased: nothing of the child stays but its reference, and a later event about it projects nothing. */
@QuarkusTest
class ChildErasedProjectionTest {

    @Inject
    DriftScan scan;

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void theErasedChildsCaseEscalationsAndAlertsAreGone() throws Exception {
        String childRef = ChildRefs.random();
        UUID referralId = UUID.randomUUID();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "leadAgency": "HEALTH", "ageBand": "0_4",
                     "registeredAt": "2026-08-27T10:00:00Z"}""".formatted(childRef));
            sender.send(UUID.randomUUID(), "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "2026-08-28", "recordedAt": "2026-08-28T09:00:00Z"}""".formatted(referralId, childRef));
            // the first test of a fresh consumer group reads the shared test topics from their start: time for that
            await().atMost(Duration.ofSeconds(120)).until(() -> Rows.count(db,
                    "select count(*) from case_fact where id = ?", referralId) == 1);
            // the referral undecided past its timescale: an alert, and an escalation about it
            DriftEvaluated.await(db, childRef);
            scan.scan(LocalDate.parse("2026-09-02"));
            given().header("Authorization", bearer("hscp-health")).header("X-Practitioner-Id", "hv-1")
                    .contentType(ContentType.JSON)
                    .body(Map.of("childRef", childRef, "otherAgency", "CHILDRENS_SERVICES",
                            "disagreement", "The referral has not been decided", "currentRisk", "HIGH"))
                    .when().post("/api/v1/escalations").then().statusCode(201);
            assertEquals(1, Rows.count(db, "select count(*) from drift_alert where child_ref = ?", childRef));

            UUID erasure = UUID.randomUUID();
            String erased = """
                    {"childRef": "%s", "partnership": "HSCP", "erasedAt": "2026-09-03T01:40:00Z",
                     "retentionClass": "DPO_INSTRUCTION"}""".formatted(childRef);
            sender.send(erasure, "child.erased", childRef, "HSCP", erased);
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from erased_child where child_ref = ?", childRef) == 1);
            assertNothingOf(childRef);

            // a late event about the child, and the tombstone again: nothing comes back, nothing fails
            UUID late = UUID.randomUUID();
            sender.send(late, "referral.received", childRef, "HSCP", """
                    {"referralId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "HEALTH",
                     "receivedOn": "2026-09-04", "recordedAt": "2026-09-04T09:00:00Z"}""".formatted(UUID.randomUUID(), childRef));
            sender.send(erasure, "child.erased", childRef, "HSCP", erased);
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from processed_event where event_id = ?", late) == 1);
            assertNothingOf(childRef);
        }
    }

    private void assertNothingOf(String childRef) throws Exception {
        for (String sql : new String[] { "select count(*) from case_child where child_ref = ?",
                "select count(*) from case_fact where child_ref = ?", "select count(*) from escalation where child_ref = ?",
                "select count(*) from drift_alert where child_ref = ?",
                "select count(*) from escalation_stage s join escalation e on e.id = s.escalation_id where e.child_ref = ?" }) {
            assertEquals(0, Rows.count(db, sql, childRef), sql);
        }
    }
}
