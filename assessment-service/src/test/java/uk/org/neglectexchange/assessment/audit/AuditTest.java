package uk.org.neglectexchange.assessment.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;

@QuarkusTest
class AuditTest {

    @Inject
    DataSource db;

    @Test
    void everyReadAndWriteIsAuditedAndLeavesForTheTrailKeyedByPartnership() throws SQLException {
        String childRef = TestChildren.register("hscp-health");
        given().header("Authorization", bearer("hscp-education")).header("X-Practitioner-Id", "teacher-7")
                .header("X-Purpose", "EDUCATION_WELFARE").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "GIVEN")
                .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
        given().header("Authorization", bearer("iowscp-police"))
                .when().get("/api/v1/children/{ref}", childRef).then().statusCode(404);

        AuditRows.forChild(db, childRef)
                .body("entries.action", hasItems("child.register", "child.read"))
                .body("entries.find { it.clientId == 'hscp-education' }.practitionerId", equalTo("teacher-7"))
                .body("entries.find { it.clientId == 'hscp-education' }.purpose", equalTo("EDUCATION_WELFARE"))
                .body("entries.find { it.clientId == 'iowscp-police' }.outcome", equalTo("NOT_FOUND"));

        // each row, the refusal included, is an audit.recorded event in the outbox, keyed by the caller's partnership
        long rows = Rows.count(db, "select count(*) from audit_entry where child_ref = ?", childRef);
        assertEquals(rows, Rows.count(db, "select count(*) from outbox_event o join audit_entry a"
                + " on (o.data ->> 'entryId')::bigint = a.id where o.type = 'audit.recorded' and a.child_ref = ?"
                + " and o.message_key = coalesce(a.partnership, 'NONE') and o.data ->> 'action' = a.action"
                + " and o.data ->> 'service' = 'assessment-service'", childRef));
        assertEquals(1, Rows.count(db, "select count(*) from outbox_event where type = 'audit.recorded'"
                + " and subject = ? and message_key = 'IOWSCP' and data ->> 'outcome' = 'NOT_FOUND'", childRef));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheAuditTrail() throws SQLException {
        String childRef = TestChildren.register("wsscp-childrens-services");
        try (Connection c = db.getConnection()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("update audit_entry set outcome = 'SUCCESS' where child_ref = '" + childRef + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("delete from audit_entry"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("truncate audit_entry"));
            var rs = c.createStatement().executeQuery("select count(*) from audit_entry where child_ref = '" + childRef + "'");
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }
}
