package uk.org.neglectexchange.assessment.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.as;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.completion;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribute;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribution;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.observation;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.open;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.ProblemJson;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;

/**
 * Who decides a level (LevelDecisionRule), the D2 overrun reason (OverrunReasonRule) and PRE_VERBAL under 5 only
 * (PreVerbalRule), through the API. The HIOW edition of the tests does not say who decides: the defaults apply.
 */
@QuarkusTest
class LevelDecisionTest {

    @Inject
    DataSource db;

    @BeforeEach
    void aHiowEditionWithoutTheSettingIsPublished() throws Exception {
        PublishedEditions.currentHiow();
    }

    /** An open HSCP assessment of a 3-year-old with one contribution, ready to complete. */
    private static String contributed(String childRef) {
        String id = open("hscp-health", childRef);
        contribute("hscp-health", id, contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 4))));
        return id;
    }

    private static Map<String, Object> decision(Object level, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        body.put("reason", reason);
        return body;
    }

    private long levelRows(String childRef) throws Exception {
        return Rows.count(db, "select count(*) from level_decision where child_ref = ?", childRef)
                + Rows.count(db, "select count(*) from threshold_history where child_ref = ?", childRef);
    }

    @Test
    void thePoliceProposeLevelFourAndChildrensServicesChangeItWithTheirReason() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String id = contributed(childRef);

        as("hscp-police").body(completion(4)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200)
                .body("status", equalTo("LEVEL_PROPOSED"))
                .body("completion.proposedLevel", equalTo(4))
                .body("completion.thresholdLevel", nullValue())
                .body("completion.completedByAgency", equalTo("POLICE"));
        as("hscp-health").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().statusCode(200)
                .body("currentLevel", nullValue())
                .body("changes", hasSize(0))
                .body("decisions.kind", contains("PROPOSED"))
                .body("decisions[0].level", equalTo(4))
                .body("decisions[0].agency", equalTo("POLICE"));
        // its content is final while the level waits
        as("hscp-health").body(contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 2))))
                .when().post("/api/v1/assessments/{id}/contributions", id).then().statusCode(409);
        as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", id)
                .then().statusCode(409).body("detail", containsString("level-decision"));

        // only the deciding agency decides: 403, nothing stored
        long before = levelRows(childRef);
        ProblemJson.assertProblem(as("hscp-health").body(decision(4, "Agree")).when()
                .post("/api/v1/assessments/{id}/level-decision", id).then(), 403)
                .body("detail", containsString("CHILDRENS_SERVICES"));
        ProblemJson.assertProblem(as("hscp-police").body(decision(3, "Agree")).when()
                .post("/api/v1/assessments/{id}/level-decision", id).then(), 403);
        // bad input names the field, never the value
        as("hscp-childrens-services").body(decision(7, " ")).when().post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", contains("level", "reason"));
        as("hscp-childrens-services").body(Map.of("level", "four", "reason", "x"))
                .when().post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE).body(not(containsString("four")));
        assertEquals(before, levelRows(childRef));

        String key = UUID.randomUUID().toString();
        as("hscp-childrens-services").header("Idempotency-Key", key)
                .body(decision(3, "MASH: needs met with targeted early help; no s47 threshold"))
                .when().post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completion.thresholdLevel", equalTo(3))
                .body("completion.proposedLevel", equalTo(4))
                .body("completion.levelDecision.decidedByAgency", equalTo("CHILDRENS_SERVICES"))
                .body("completion.levelDecision.reason", containsString("MASH"));
        // a retry is the first outcome, not a second decision; a new decision is a 409
        as("hscp-childrens-services").header("Idempotency-Key", key)
                .body(decision(3, "MASH: needs met with targeted early help; no s47 threshold"))
                .when().post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(200).body("completion.thresholdLevel", equalTo(3));
        as("hscp-childrens-services").body(decision(4, "Again")).when().post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(409);

        as("hscp-health").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().statusCode(200)
                .body("currentLevel", equalTo(3))
                .body("changes", hasSize(1))
                .body("decisions.kind", contains("PROPOSED", "DECIDED"))
                .body("decisions.agency", contains("POLICE", "CHILDRENS_SERVICES"))
                .body("decisions[1].level", equalTo(3))
                .body("decisions[1].proposedLevel", equalTo(4))
                .body("decisions[1].reason", containsString("MASH"));
        // audited, the refusals included
        assertEquals(2, Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'assessment.level-decision'"
                + " and outcome = 'SUCCESS'", childRef));
        assertEquals(2, Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'assessment.level-decision'"
                + " and outcome = 'DENIED'", childRef));
    }

    @Test
    void childrensServicesConfirmAProposalAndDecideLevelFourThemselves() {
        String childRef = TestChildren.register("hscp-health");
        String id = contributed(childRef);
        as("hscp-health").body(completion(3)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200).body("status", equalTo("LEVEL_PROPOSED"));
        as("hscp-childrens-services").body(decision(3, "Agreed with the health visitor")).when()
                .post("/api/v1/assessments/{id}/level-decision", id)
                .then().statusCode(200).body("completion.thresholdLevel", equalTo(3));

        String second = contributed(childRef);
        as("hscp-childrens-services").body(completion(4)).when().post("/api/v1/assessments/{id}/completion", second)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("completion.thresholdLevel", equalTo(4))
                .body("completion.proposedLevel", nullValue());
        as("hscp-health").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().body("currentLevel", equalTo(4))
                .body("decisions.kind", contains("PROPOSED", "DECIDED", "DECIDED"));
        // levels 1 and 2 are any agency's
        String third = contributed(childRef);
        as("hscp-police").body(completion(2)).when().post("/api/v1/assessments/{id}/completion", third)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aPartnershipThatOptsItsEarlyHelpLeadInLetsItDecideLevelThreeButNotFour() throws Exception {
        String version = ToolkitEventSender.nextVersion(7);
        ToolkitEventSender.publishEdition(ToolkitEventSender.wsEdition(version, ToolkitEventSender.now()).replace("\"drift\": {",
                "\"levelDecisions\": {\"3\": [\"CHILDRENS_SERVICES\", \"HEALTH\"], \"4\": [\"CHILDRENS_SERVICES\"]}, \"drift\": {"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Objects.equals(version, given()
                .header("Authorization", bearer("wsscp-health")).when().get("/api/v1/partnerships")
                .then().extract().path("find { it.code == 'WSSCP' }.currentToolkitEdition.version")));

        String childRef = TestChildren.register("wsscp-health");
        String three = open("wsscp-health", childRef);
        contribute("wsscp-health", three, contribution(List.of(observation("WS.PHYSICAL_CARE.NUTRITION.0_4", 3))));
        as("wsscp-health").body(completion(3)).when().post("/api/v1/assessments/{id}/completion", three)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("completion.thresholdLevel", equalTo(3));

        String four = open("wsscp-health", childRef);
        contribute("wsscp-health", four, contribution(List.of(observation("WS.PHYSICAL_CARE.NUTRITION.0_4", 5))));
        as("wsscp-health").body(completion(4)).when().post("/api/v1/assessments/{id}/completion", four)
                .then().statusCode(200).body("status", equalTo("LEVEL_PROPOSED"));
        as("wsscp-police").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().body("currentLevel", equalTo(3));
    }

    @Test
    void anOverrunNeedsItsReasonAtCompletion() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String id = contributed(childRef);
        // opened 120 days ago: past 45 working days
        try (var c = db.getConnection(); var update = c.prepareStatement(
                "update assessment set opened_at = opened_at - interval '120 days' where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
        as("hscp-childrens-services").body(completion(2)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", contains("overrunReason"))
                .body("errors[0].message", containsString("D2"));
        as("hscp-health").when().get("/api/v1/assessments/{id}", id).then().body("status", equalTo("OPEN"));

        Map<String, Object> late = completion(2);
        late.put("overrunReason", "Mother in hospital for six weeks; visits resumed on discharge");
        as("hscp-childrens-services").body(late).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200).body("completion.overrunReason", containsString("hospital"));
        as("hscp-health").when().get("/api/v1/assessments/{id}", id)
                .then().body("completion.overrunReason", containsString("hospital"));
    }

    @Test
    void preVerbalIsRefusedForAChildOfFiveOrMore() {
        String childRef = given().header("Authorization", bearer("hscp-health")).header("X-Practitioner-Id", "p-1")
                .contentType(ContentType.JSON)
                .body(TestChildren.child(TestChildren.testNhsNumber(), "Alex", TestChildren.uniqueFamilyName(),
                        LocalDate.now().minusYears(7)))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        String id = open("hscp-health", childRef);
        contribute("hscp-health", id, contribution(List.of(observation("HIOW.PHYSICAL_CARE.NUTRITION.5_11", 3))));
        as("hscp-childrens-services").body(completion(2)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", contains("childsVoiceAbsentReason"))
                .body("errors[0].message", containsString("under 5"));
        as("hscp-health").when().get("/api/v1/assessments/{id}", id).then().body("status", equalTo("OPEN"));

        Map<String, Object> heard = completion(2);
        heard.remove("childsVoiceAbsentReason");
        heard.put("childsVoice", "Says there is often no breakfast");
        as("hscp-childrens-services").body(heard).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }
}
