package uk.org.neglectexchange.escalation.escalation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.actions;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.disagreement;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.get;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.newChildRef;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raised;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * Issue 17, finding 1: an agency system that lost an action's answer sends it again. With the same Idempotency-Key it
 * gets the first answer and the escalation moves once; an action names the stage it acts on, so a stale one moves
 * nothing.
 */
@QuarkusTest
class RetriedActionTest {

    private static final Map<String, Object> ESCALATE = Map.of("action", "escalate", "reason", "no agreement",
            "expectedStage", 1);

    @Inject
    DataSource db;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void anEscalateSentTwiceWithItsKeyMovesOneStageAndAnswersTheSameTwice() throws Exception {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        String key = "act-" + UUID.randomUUID();

        String first = post(withKey(key).body(ESCALATE), id).statusCode(200).header("ETag", "\"stage-2\"").body("stage", equalTo(2)).extract().asString();
        post(withKey(key).body(ESCALATE), id).statusCode(200).header("ETag", "\"stage-2\"").body(equalTo(first));

        get("hscp-health", id).statusCode(200).body("stage", equalTo(2)).body("stages", hasSize(2)).body("actions", hasSize(1));
        assertEquals(2, Rows.count(db, "select count(*) from escalation_stage where escalation_id = ?", UUID.fromString(id)));
        assertEquals(1, actionRows(id));
    }

    @Test
    void theKeyOfOneActionIsRefusedForAnotherAndNothingChanges() throws Exception {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        String other = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        String key = "act-" + UUID.randomUUID();
        post(withKey(key).body(Map.of("action", "respond", "note", "visit booked", "expectedStage", 1)), id).statusCode(200);

        post(withKey(key).body(ESCALATE), id).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        // the same body about another escalation is another request
        post(withKey(key).body(Map.of("action", "respond", "note", "visit booked", "expectedStage", 1)), other)
                .statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));

        get("hscp-health", id).statusCode(200).body("stage", equalTo(1)).body("actions", hasSize(1));
        get("hscp-health", other).statusCode(200).body("actions", hasSize(0));
        assertEquals(1, actionRows(id));
    }

    @Test
    void aStaleExpectedStageIsAConflictNamingTheCurrentStage() throws Exception {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        post(actions("hscp-health").body(ESCALATE), id).statusCode(200).body("stage", equalTo(2));

        // the same escalate again, without a key: it names stage 1, which is over
        post(actions("hscp-health").body(ESCALATE), id).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("at stage 2 now"))
                .body("errors[0].field", equalTo("expectedStage"));
        get("hscp-health", id).statusCode(200).body("stage", equalTo(2)).body("stages", hasSize(2));
        assertEquals(1, actionRows(id));
    }

    @Test
    void aStaleIfMatchFailsThePreconditionNamingTheCurrentStage() throws Exception {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        String etag = get("hscp-health", id).statusCode(200).header("ETag", "\"stage-1\"").extract().header("ETag");
        Map<String, Object> escalate = Map.of("action", "escalate", "reason", "no agreement");

        post(actions("hscp-health").header("If-Match", etag).body(escalate), id).statusCode(200)
                .header("ETag", "\"stage-2\"");
        post(actions("hscp-health").header("If-Match", etag).body(escalate), id).statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("at stage 2 now"))
                .body("errors[0].field", equalTo("If-Match"));
        get("hscp-health", id).statusCode(200).body("stage", equalTo(2));
        assertEquals(1, actionRows(id));
    }

    @Test
    void anActionNamingNoStageIsRefused() throws Exception {
        String id = raised("hscp-childrens-services", disagreement(newChildRef(), "HEALTH"));
        post(actions("hscp-health").body(Map.of("action", "escalate", "reason", "no agreement")), id)
                .statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("expectedStage"));
        post(actions("hscp-health").body(Map.of("action", "respond", "note", "seen", "expectedStage", 5)), id)
                .statusCode(400).body("errors[0].field", equalTo("expectedStage"));
        assertEquals(0, actionRows(id));
    }

    private static RequestSpecification withKey(String key) {
        return actions("hscp-health").header("Idempotency-Key", key);
    }

    private static ValidatableResponse post(RequestSpecification request, String id) {
        return request.when().post("/api/v1/escalations/{id}/actions", id).then();
    }

    private long actionRows(String id) throws Exception {
        return Rows.count(db, "select count(*) from escalation_action where escalation_id = ?", UUID.fromString(id));
    }
}
