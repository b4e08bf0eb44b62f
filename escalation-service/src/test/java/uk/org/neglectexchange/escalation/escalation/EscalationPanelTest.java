package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.act;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.disagreement;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.newChildRef;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raised;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * Issue 17, finding 9: the partnership's escalation panel reads and acts on its partnership's escalations at stage 4;
 * its business team reads them from the stage its procedure notifies it (WSSCP: 2) and acts on none. Neither sees
 * another partnership's, and each read is audited.
 */
@QuarkusTest
class EscalationPanelTest {

    private static final String PANEL = "wsscp-escalation-panel";
    private static final String BUSINESS_TEAM = "wsscp-business-team";

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void thePanelListsReadsAndResolvesItsPartnershipsStageFourEscalations() throws Exception {
        String atFour = raised("wsscp-childrens-services", urgent(4));
        String atTwo = raised("wsscp-childrens-services", urgent(2));
        String hscpAtFour = raised("hscp-childrens-services", urgent(4));

        list(PANEL).body("items.id", hasItem(atFour)).body("items.id", not(hasItem(atTwo)))
                .body("items.id", not(hasItem(hscpAtFour)));
        String read = UUID.randomUUID().toString();
        read(PANEL, atFour, read).statusCode(200).body("stage", equalTo(4)).header("ETag", "\"stage-4\"");
        String early = UUID.randomUUID().toString();
        read(PANEL, atTwo, early).statusCode(404).contentType("application/problem+json");
        read(PANEL, hscpAtFour, UUID.randomUUID().toString()).statusCode(404);
        act(PANEL, atTwo, 2, Map.of("action", "respond", "note", "not ours yet")).statusCode(404);

        act(PANEL, atFour, 4, Map.of("action", "resolve", "outcome", "multi-agency meeting agreed a plan",
                "resolvedBy", "escalation panel chair", "role", "escalation panel"))
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedByAgency", equalTo("ESCALATION_PANEL"))
                .body("actions[0].agency", equalTo("ESCALATION_PANEL"))
                .body("stages[0].roles", hasItem("escalation panel"));

        assertEquals(1, audited(read, PANEL, "escalation.read", "SUCCESS"));
        assertEquals(1, audited(early, PANEL, "escalation.read", "NOT_FOUND"));
    }

    @Test
    void theBusinessTeamReadsFromItsProceduresStageAndActsOnNone() throws Exception {
        String atOne = raised("wsscp-childrens-services", disagreement(newChildRef(), "POLICE"));
        String atTwo = raised("wsscp-childrens-services", urgent(2));
        String hscpAtFour = raised("hscp-childrens-services", urgent(4));

        list(BUSINESS_TEAM).body("items.id", hasItem(atTwo)).body("items.id", not(hasItem(atOne)))
                .body("items.id", not(hasItem(hscpAtFour)));
        String read = UUID.randomUUID().toString();
        read(BUSINESS_TEAM, atTwo, read).statusCode(200).body("stage", equalTo(2));
        read(BUSINESS_TEAM, atOne, UUID.randomUUID().toString()).statusCode(404);
        read(BUSINESS_TEAM, hscpAtFour, UUID.randomUUID().toString()).statusCode(404);
        // HIOW's procedure notifies no business team: HSCP's sees none of its escalations
        read("hscp-business-team", hscpAtFour, UUID.randomUUID().toString()).statusCode(404);
        act(BUSINESS_TEAM, atTwo, 2, Map.of("action", "respond", "note", "noted")).statusCode(403);

        // once it reaches the business team's stage, it sees it
        act("wsscp-police", atOne, 1, Map.of("action", "escalate", "reason", "no agreement")).statusCode(200);
        read(BUSINESS_TEAM, atOne, UUID.randomUUID().toString()).statusCode(200);

        assertEquals(1, audited(read, BUSINESS_TEAM, "escalation.read", "SUCCESS"));
        assertEquals(0, Rows.count(db, "select count(*) from escalation_action where escalation_id = ?",
                UUID.fromString(atTwo)));
    }

    private static Map<String, Object> urgent(int stage) {
        Map<String, Object> body = new HashMap<>(disagreement(newChildRef(), "POLICE"));
        body.put("startStage", stage);
        body.put("urgencyReason", "child at immediate risk");
        return body;
    }

    private static ValidatableResponse list(String client) {
        return given().header("Authorization", bearer(client)).queryParam("limit", 200)
                .when().get("/api/v1/escalations").then().statusCode(200);
    }

    private static ValidatableResponse read(String client, String id, String requestId) {
        return given().header("Authorization", bearer(client)).header("X-Request-Id", requestId)
                .when().get("/api/v1/escalations/{id}", id).then();
    }

    private long audited(String requestId, String client, String action, String outcome) throws Exception {
        return Rows.count(db, "select count(*) from audit_entry where request_id = ? and client_id = ? and action = ?"
                + " and outcome = ?", requestId, client, action, outcome);
    }
}
