package uk.org.neglectexchange.escalation.caseprojection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

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

/** chronology.entry-rectified: the entry's fact is dropped, the alert it fed clears, and a replay cannot bring it back. */
@QuarkusTest
class RectifiedEntryProjectionTest {

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void aRectifiedConcernNoLongerCountsTowardsD7() throws Exception {
        String childRef = ChildRefs.random();
        LocalDate today = LocalDate.now();
        UUID wrongChild = UUID.randomUUID();
        try (AssessmentEventSender sender = new AssessmentEventSender()) {
            sender.send(UUID.randomUUID(), "child.registered", childRef, "HSCP", """
                    {"childRef": "%s", "partnership": "HSCP", "leadAgency": "HEALTH", "ageBand": "0_4",
                     "registeredAt": "%sT10:00:00Z"}""".formatted(childRef, today.minusDays(10)));
            concern(sender, childRef, UUID.randomUUID(), "HEALTH", today.minusDays(3));
            concern(sender, childRef, UUID.randomUUID(), "EDUCATION", today.minusDays(2));
            concern(sender, childRef, wrongChild, "POLICE", today.minusDays(1));
            // three concerns from three agencies, no assessment: D7 (the first await also waits for the consumer to catch
            // up with the shared topic)
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> alerts(childRef)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("OPEN")));

            sender.send(UUID.randomUUID(), "chronology.entry-rectified", childRef, "HSCP", """
                    {"entryId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "POLICE", "type": "CONCERN",
                     "occurredOn": "%s", "rectifiedAt": "%sT12:00:00Z", "rectifiedByAgency": "CHILDRENS_SERVICES"}"""
                    .formatted(wrongChild, childRef, today.minusDays(1), today));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> alerts(childRef).body("items[0].status", equalTo("CLEARED")));
            assertEquals(0, Rows.count(db, "select count(*) from case_fact where id = ?", wrongChild));
            assertEquals(0, Rows.count(db, "select count(*) from drift_alert where child_ref = ? and evidence::text like ?",
                    childRef, "%" + wrongChild + "%"), "no longer evidence of the alert");
            assertEquals(1, Rows.count(db, "select count(*) from drift_alert where child_ref = ? and jsonb_array_length(evidence) = 2",
                    childRef));

            // the same entry told again (a replay under another event id) stays out of the case
            concern(sender, childRef, wrongChild, "POLICE", today.minusDays(1));
            UUID marker = concern(sender, childRef, UUID.randomUUID(), "HEALTH", today);
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from case_fact where event_id = ?", marker) == 1);
            assertEquals(0, Rows.count(db, "select count(*) from case_fact where id = ?", wrongChild));
        }
    }

    private static UUID concern(AssessmentEventSender sender, String childRef, UUID entryId, String agency, LocalDate on) {
        UUID eventId = UUID.randomUUID();
        sender.send(eventId, "chronology.entry-added", childRef, "HSCP", """
                {"entryId": "%s", "childRef": "%s", "partnership": "HSCP", "ageBand": "0_4", "agency": "%s",
                 "type": "CONCERN", "occurredOn": "%s", "recordedAt": "%sT09:00:00Z"}"""
                .formatted(entryId, childRef, agency, on, on));
        return eventId;
    }

    private static ValidatableResponse alerts(String childRef) {
        return given().header("Authorization", bearer("hscp-health"))
                .queryParam("childRef", childRef).queryParam("rule", "D7")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }
}
