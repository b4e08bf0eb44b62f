package uk.org.neglectexchange.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

@QuarkusTest
class AuditTrailTest {

    private static final CloudEventSender EVENTS = new CloudEventSender();
    /** The rows these tests send name a service of their own, so their entry ids never meet a real service's. */
    private static final String SERVICE = "audit-trail-test-" + UUID.randomUUID();
    private static final String OURS = "items.findAll { it.service == '" + SERVICE + "' }";
    private static long nextEntry = 1;

    @Inject
    DataSource db;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @Test
    void everyServicesRowsAreChainedPerPartnershipAndOnlyItsOwnDpoReadsThem() {
        String childRef = ChildRefs.random();
        recorded("HSCP", "hscp-health", "child.read", childRef, "SUCCESS");
        recorded("HSCP", "hscp-police", "escalation.read", childRef, "SUCCESS");
        recorded("HSCP", "hscp-police", "escalation.update", childRef, "DENIED");
        UUID duplicate = recorded("HSCP", "hscp-health", "chronology.read", childRef, "SUCCESS");
        resend(duplicate, "HSCP", "hscp-health", "chronology.read", childRef);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> dpo("hscp-dpo").queryParam("childRef", childRef)
                .when().get("/api/v1/audit").then().statusCode(200).body(OURS, hasSize(4)));

        // the DPO's own reads of the trail are in it too (service gateway, action audit.read): these tests look at theirs
        dpo("hscp-dpo").queryParam("childRef", childRef).when().get("/api/v1/audit").then().statusCode(200)
                .body(OURS + ".action", equalTo(List.of("child.read", "escalation.read", "escalation.update", "chronology.read")))
                .body("items.partnership", everyItem(equalTo("HSCP")))
                .body("items.hash", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body("nextCursor", nullValue());
        // filters, and cursor pages of the page shape the rest of the API uses
        dpo("hscp-dpo").queryParam("childRef", childRef).queryParam("clientId", "hscp-police").queryParam("outcome", "DENIED")
                .when().get("/api/v1/audit").then().statusCode(200).body("items.action", equalTo(List.of("escalation.update")));
        String cursor = dpo("hscp-dpo").queryParam("childRef", childRef).queryParam("limit", 2)
                .when().get("/api/v1/audit").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        dpo("hscp-dpo").queryParam("childRef", childRef).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("escalation.update", "chronology.read")));
        dpo("hscp-dpo").queryParam("childRef", childRef).queryParam("from", Instant.now().plusSeconds(60).toString())
                .when().get("/api/v1/audit").then().statusCode(200).body("items", hasSize(0));
        dpo("hscp-dpo").queryParam("from", "yesterday").when().get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        // a year PostgreSQL cannot hold was a 500 (BadInputTest, "+999999999-12-31")
        for (String beyond : List.of("+999999999-12-31", "-999999999-01-01T00:00:00Z", "1899-12-31")) {
            dpo("hscp-dpo").queryParam("to", beyond).when().get("/api/v1/audit").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("to"));
        }
        // CSV: every row of the filter
        dpo("hscp-dpo").accept("text/csv").queryParam("childRef", childRef).queryParam("agency", "HEALTH")
                .when().get("/api/v1/audit").then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("sequence,at,service")).body(containsString(",child.read," + childRef + ",SUCCESS,"))
                .body(containsString(",chronology.read,")).body(org.hamcrest.Matchers.not(containsString("escalation.")));

        // another partnership's DPO cannot tell the child exists; an agency may not read the trail at all
        dpo("wsscp-dpo").queryParam("childRef", childRef).when().get("/api/v1/audit").then().statusCode(404)
                .contentType("application/problem+json");
        dpo("hscp-health").queryParam("childRef", childRef).when().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void theGatewaysOwnReadsReachTheTrailThroughItsOutbox() {
        String requestId = UUID.randomUUID().toString();
        given().header("Authorization", bearer("wsscp-dashboard")).header("X-Request-Id", requestId)
                .when().get("/api/v1/dashboard").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Rows.count(db, "select count(*) from audit_trail"
                + " where request_id = ? and service = 'gateway' and partnership = 'WSSCP' and action = 'dashboard.read'"
                + " and client_id = 'wsscp-dashboard'", requestId) == 1);
    }

    @Test
    void verificationFindsAChangedRowAMissingRowAndARemovedLastRow() throws Exception {
        String hscpChild = ChildRefs.random();
        String iowChild = ChildRefs.random();
        for (int i = 0; i < 3; i++) {
            recorded("HSCP", "hscp-health", "child.read", hscpChild, "SUCCESS");
            recorded("IOWSCP", "iowscp-health", "child.read", iowChild, "SUCCESS");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                "select count(*) from audit_trail where child_ref in (?, ?)", hscpChild, iowChild) == 6);
        dpo("hscp-dpo").when().get("/api/v1/audit/verification").then().statusCode(200)
                .body("partnership", equalTo("HSCP")).body("intact", equalTo(true)).body("firstBreak", nullValue());

        long changed = seq("HSCP", hscpChild, 2);
        long removed = seq("IOWSCP", iowChild, 2);
        // the trigger refuses even the gateway's own role
        try (Connection c = db.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("delete from audit_trail"));
        }
        try (Connection superuser = asPostgres(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temporary table kept as select * from audit_trail where partnership = 'IOWSCP' and seq = " + removed);
            sql.execute("update audit_trail set outcome = 'DENIED' where partnership = 'HSCP' and seq = " + changed);
            sql.execute("delete from audit_trail where partnership = 'IOWSCP' and seq = " + removed);
            try {
                dpo("hscp-dpo").when().get("/api/v1/audit/verification").then().statusCode(200)
                        .body("intact", equalTo(false)).body("firstBreak.sequence", equalTo((int) changed))
                        .body("firstBreak.problem", equalTo("CHANGED"));
                dpo("iowscp-dpo").when().get("/api/v1/audit/verification").then().statusCode(200)
                        .body("intact", equalTo(false)).body("firstBreak.sequence", equalTo((int) removed))
                        .body("firstBreak.problem", equalTo("MISSING"));
            } finally {
                sql.execute("update audit_trail set outcome = 'SUCCESS' where partnership = 'HSCP' and seq = " + changed);
                sql.execute("insert into audit_trail select * from kept");
            }
            dpo("hscp-dpo").when().get("/api/v1/audit/verification").then().body("intact", equalTo(true));

            // a removed last row leaves no gap: the anchored head is ahead of the chain
            long last = seq("IOWSCP", null, 0);
            sql.execute("create temporary table last_row as select * from audit_trail where partnership = 'IOWSCP' and seq = " + last);
            sql.execute("delete from audit_trail where partnership = 'IOWSCP' and seq = " + last);
            try {
                dpo("iowscp-dpo").when().get("/api/v1/audit/verification").then().statusCode(200)
                        .body("intact", equalTo(false)).body("firstBreak.sequence", equalTo((int) last))
                        .body("firstBreak.problem", equalTo("MISSING"));
            } finally {
                sql.execute("insert into audit_trail select * from last_row");
            }
        }
    }

    /** The sequence number of the n-th row (1-based) about a child, or with no child the partnership's last. */
    private long seq(String partnership, String childRef, int n) throws SQLException {
        return childRef == null
                ? Rows.count(db, "select max(seq) from audit_trail where partnership = ?", partnership)
                : Rows.count(db, "select seq from audit_trail where partnership = ? and child_ref = ? order by seq"
                        + " offset ? limit 1", partnership, childRef, n - 1);
    }

    /** The test database as the superuser postgres, who can step around the append-only trigger. */
    private Connection asPostgres() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static RequestSpecification dpo(String client) {
        return given().header("Authorization", bearer(client));
    }

    private static synchronized UUID recorded(String partnership, String client, String action, String childRef,
            String outcome) {
        UUID id = UUID.randomUUID();
        send(id, nextEntry++, partnership, client, action, childRef, outcome);
        return id;
    }

    /** The same event again, as a relay that crashed before marking it published sends it. */
    private static void resend(UUID id, String partnership, String client, String action, String childRef) {
        send(id, nextEntry - 1, partnership, client, action, childRef, "SUCCESS");
    }

    private static void send(UUID id, long entryId, String partnership, String client, String action, String childRef,
            String outcome) {
        var attributes = CloudEventSender.attributes(id, "audit.recorded", "/neglect-exchange/" + SERVICE);
        attributes.put("subject", childRef);
        attributes.put("time", Instant.now().toString());
        EVENTS.send(CloudEventSender.incomingTopic("trail-audit-events"), partnership, attributes, """
                {"service": "%s", "entryId": %d, "at": "%s", "clientId": "%s", "partnership": "%s",
                 "agency": "%s", "practitionerId": null, "purpose": null, "action": "%s", "childRef": "%s",
                 "outcome": "%s", "requestId": "%s"}"""
                .formatted(SERVICE, entryId, Instant.now(), client, partnership,
                        client.substring(client.indexOf('-') + 1).toUpperCase(), action, childRef, outcome, UUID.randomUUID()));
    }
}
