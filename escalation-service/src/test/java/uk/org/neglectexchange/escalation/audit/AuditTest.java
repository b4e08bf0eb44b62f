package uk.org.neglectexchange.escalation.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.escalation.support.KnownProcedures;

/** Escalations name a child and what agencies think of its care: each read and write leaves one audit row. */
@QuarkusTest
class AuditTest {

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        // raising needs the partnership's procedure, which arrives with its published toolkit edition
        KnownProcedures.ensure();
    }

    @Test
    void raisingReadingAndARefusedReadAreEachAuditedOnceWithTheirRequestId() throws SQLException {
        String childRef = "CH-" + ThreadLocalRandom.current().ints(10, 0, 32)
                .mapToObj(i -> String.valueOf("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(i))).reduce("", String::concat);
        String raise = UUID.randomUUID().toString();
        String id = given().header("Authorization", bearer("hscp-childrens-services")).header("X-Practitioner-Id", "p-1001")
                .header("X-Request-Id", raise).contentType(ContentType.JSON)
                .body(Map.of("childRef", childRef, "otherAgency", "HEALTH", "disagreement", "Closed without a visit",
                        "currentRisk", "HIGH"))
                .when().post("/api/v1/escalations").then().statusCode(201).extract().path("id");
        String read = UUID.randomUUID().toString();
        given().header("Authorization", bearer("hscp-health")).header("X-Request-Id", read)
                .when().get("/api/v1/escalations/{id}", id).then().statusCode(200);
        String refused = UUID.randomUUID().toString();
        given().header("Authorization", bearer("wsscp-health")).header("X-Request-Id", refused)
                .when().get("/api/v1/escalations/{id}", id).then().statusCode(404);

        assertEquals(List.of("escalation.raise hscp-childrens-services p-1001 " + childRef + " SUCCESS"), rows(raise));
        assertEquals(List.of("escalation.read hscp-health null " + childRef + " SUCCESS"), rows(read));
        // who tried, and what they were told; the escalation's child is not theirs to learn
        assertEquals(List.of("escalation.read wsscp-health null null NOT_FOUND"), rows(refused));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheAuditTrail() throws SQLException {
        // at least one row, for the row trigger to refuse
        given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/escalations/{id}", UUID.randomUUID())
                .then().statusCode(404);
        try (Connection c = db.getConnection()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("update audit_entry set outcome = 'SUCCESS'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("delete from audit_entry"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("truncate audit_entry"));
        }
    }

    private List<String> rows(String requestId) throws SQLException {
        try (Connection c = db.getConnection(); var query = c.prepareStatement(
                "select action, client_id, practitioner_id, child_ref, outcome from audit_entry where request_id = ?")) {
            query.setString(1, requestId);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                            + r.getString(5));
                }
            }
            return rows;
        }
    }
}
