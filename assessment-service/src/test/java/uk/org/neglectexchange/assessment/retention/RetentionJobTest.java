package uk.org.neglectexchange.assessment.retention;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.assessment.support.AgencyRequests;
import uk.org.neglectexchange.assessment.support.TestChildren;

/** The daily job, run for chosen days (its clock's "today"), on children whose retention ends on a known day. */
@QuarkusTest
class RetentionJobTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    RetentionJob job;

    @Inject
    DataSource db;

    /** The day a referral closed today with no further action may go: 6 years on (the job runs for chosen days). */
    private static final LocalDate END = TODAY.plusYears(6);

    /**
     * A referral decided with no further action and closed today. Dated today, not years ago: its events reach the
     * other services' test consumers too, whose working-day calendars start in 2024.
     */
    private static String closedWithNoFurtherAction(String partnership) {
        LocalDate closed = TODAY;
        String childRef = AgencyRequests.as(partnership + "-police")
                .body(TestChildren.child(TestChildren.testNhsNumber(), "Sam", TestChildren.uniqueFamilyName(),
                        TODAY.minusYears(12)))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        String referral = entry(partnership + "-police", childRef, "REFERRAL", closed, Map.of());
        entry(partnership + "-childrens-services", childRef, "REFERRAL_DECISION", closed,
                Map.of("decision", "NO_FURTHER_ACTION", "referralId", referral));
        entry(partnership + "-childrens-services", childRef, "CLOSURE", closed, Map.of("closureReason", "NEEDS_MET"));
        return childRef;
    }

    private static String entry(String clientId, String childRef, String type, LocalDate on, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.putAll(Map.of("type", type, "occurredOn", on.toString(), "summary", "Referred by the police, no action needed"));
        return AgencyRequests.as(clientId).body(body).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aRecordIsErasedOnTheDayItsRetentionEndsAndNotTheDayBefore() throws Exception {
        String childRef = closedWithNoFurtherAction("wsscp");

        assertFalse(job.run(END.minusDays(1)).contains(childRef), "the day before its end");
        assertEquals(1, count("select count(*) from child_identity where child_ref = ?", childRef));

        assertTrue(job.run(END).contains(childRef), "the day its retention ends");
        assertEquals(0, count("select count(*) from chronology_entry where child_ref = ?", childRef));
        assertEquals(0, count("select count(*) from child_identity where child_ref = ?", childRef));
        assertEquals(1, count("select count(*) from child_tombstone where child_ref = ?"
                + " and retention_class = 'NO_FURTHER_ACTION' and erased_by_client = 'assessment-service'", childRef));
        assertEquals(1, count("select count(*) from audit_entry where child_ref = ? and action = 'child.erase'"
                + " and client_id = 'assessment-service' and purpose = 'RETENTION_NO_FURTHER_ACTION'", childRef));
        AgencyRequests.as("wsscp-police").when().get("/api/v1/children/{ref}", childRef).then().statusCode(410);
        assertFalse(job.run(END.plusDays(1)).contains(childRef), "erased once");
    }

    @Test
    void aHeldRecordOutlivesItsRetentionUntilTheHoldIsLifted() throws Exception {
        String childRef = closedWithNoFurtherAction("iowscp");
        String hold = DataProtectionTest.dpo("iowscp-dpo").body(Map.of("reason", "Public inquiry"))
                .when().post("/api/v1/children/{ref}/legal-holds", childRef).then().statusCode(201).extract().path("id");

        assertFalse(job.run(END.plusDays(30)).contains(childRef));
        assertEquals(0, count("select count(*) from child_tombstone where child_ref = ?", childRef));
        AgencyRequests.as("iowscp-police").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).body("childRef", equalTo(childRef));

        DataProtectionTest.dpo("iowscp-dpo").body(Map.of("reason", "Inquiry closed"))
                .when().post("/api/v1/children/{ref}/legal-holds/{id}/lift", childRef, hold).then().statusCode(200);
        assertTrue(job.run(END.plusDays(30)).contains(childRef));
    }

    @Test
    void aChildInNeedIsNotErasedBeforeItsTwentyFirstBirthday() {
        String childRef = TestChildren.register("hscp-health");
        // registered aged 3: fifteen years to its eighteenth birthday, three more
        assertFalse(job.run(TODAY.plusYears(18).minusDays(1)).contains(childRef));
    }

    private long count(String sql, String childRef) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, childRef);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
