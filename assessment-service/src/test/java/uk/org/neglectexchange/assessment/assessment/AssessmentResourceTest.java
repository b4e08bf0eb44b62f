package uk.org.neglectexchange.assessment.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.assessment.audit.AuditRows;
import javax.sql.DataSource;
import jakarta.inject.Inject;

@QuarkusTest
class AssessmentResourceTest {

    @Inject
    DataSource db;

    static final String NUTRITION = "HIOW.PHYSICAL_CARE.NUTRITION.0_4";
    static final String HYGIENE = "HIOW.PHYSICAL_CARE.HYGIENE.0_4";
    static final String CARER_PRESENT = "HIOW.SAFETY.CARER_PRESENT.0_4";

    String edition;

    @BeforeEach
    void aHiowEditionWithIndicatorsIsPublished() throws Exception {
        edition = PublishedEditions.currentHiow();
    }

    static RequestSpecification as(String clientId) {
        // an agency other than the lead agency states its lawful basis when it reads (RULES.md, golden rule 7)
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-" + clientId)
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    static String open(String clientId, String childRef) {
        return as(clientId).when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> observation(String code, int grade) {
        return Map.of("indicatorCode", code, "grade", grade, "note", "seen at home visit");
    }

    /** A valid contribution shared with consent under the public task and the para 18 safeguarding condition. */
    static Map<String, Object> contribution(List<Map<String, Object>> observations) {
        return new HashMap<>(Map.of("observations", observations,
                "concerns", List.of("Food cupboard empty at two visits"), "strengths", List.of("Mother asks for help"),
                "evidence", List.of("Health visitor record of two visits"), "purpose", "Multi-agency neglect assessment",
                "lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN", "consent", "GIVEN"));
    }

    static void contribute(String clientId, String id, Map<String, Object> body) {
        as(clientId).body(body).when().post("/api/v1/assessments/{id}/contributions", id).then().statusCode(201);
    }

    static Map<String, Object> completion(int level) {
        Map<String, Object> body = new HashMap<>();
        body.put("primaryCategory", "DISORGANISED");
        body.put("otherCategories", List.of("EMOTIONAL"));
        body.put("thresholdLevel", level);
        body.put("rationale", "Needs met inconsistently; early help plan agreed");
        body.put("strengths", List.of("Grandmother nearby and involved"));
        body.put("childsVoiceAbsentReason", "PRE_VERBAL");
        return body;
    }

    static void complete(String clientId, String id, int level) {
        as(clientId).body(completion(level)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void agenciesContributeAndTheProfileIsShownPerAreaWithoutATotal() {
        String childRef = TestChildren.register("hscp-health");
        String id = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/assessments/"))
                .body("childRef", equalTo(childRef)).body("toolkitFamily", equalTo("HIOW")).body("toolkitVersion", equalTo(edition))
                .body("status", equalTo("OPEN")).body("version", equalTo(1)).body("ageBand", equalTo("0_4"))
                .extract().path("id");

        contribute("hscp-health", id, contribution(List.of(observation(NUTRITION, 2), observation(HYGIENE, 4),
                observation(CARER_PRESENT, 3))));
        Map<String, Object> school = contribution(List.of(observation(NUTRITION, 3), observation(HYGIENE, 5)));
        school.put("consent", "NOT_SOUGHT");
        school.put("para18Reason", "WOULD_PREJUDICE_PROTECTION");
        as("hscp-education").body(school).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).body("agency", equalTo("EDUCATION")).body("para18Reason", equalTo("WOULD_PREJUDICE_PROTECTION"))
                .body("observations[0].area", equalTo("PHYSICAL_CARE"));

        as("hscp-childrens-services").when().get("/api/v1/assessments/{id}", id)
                .then().statusCode(200)
                .body("contributions", hasSize(2))
                .body("contributions.agency", contains("HEALTH", "EDUCATION"))
                .body("profile.basis", containsString("No total score"))
                .body("profile.areas.area", contains("PHYSICAL_CARE", "SAFETY", "EMOTIONAL_CARE"))
                // PHYSICAL_CARE grades 2, 3, 4, 5: worst 5, median 3.5
                .body("profile.areas[0].observations", equalTo(4))
                .body("profile.areas[0].worstGrade", equalTo(5))
                .body("profile.areas[0].medianGrade", equalTo(3.5f))
                .body("profile.areas[1].observations", equalTo(1))
                .body("profile.areas[1].worstGrade", equalTo(3))
                .body("profile.areas[1].medianGrade", equalTo(3.0f))
                .body("profile.areas[2].observations", equalTo(0))
                .body("profile.areas[2].worstGrade", nullValue())
                .body("profile.keySet()", containsInAnyOrder("basis", "areas"));

        as("hscp-childrens-services").body(completion(3)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completion.primaryCategory", equalTo("DISORGANISED"))
                .body("completion.thresholdLevel", equalTo(3))
                .body("completion.childsVoiceAbsentReason", equalTo("PRE_VERBAL"))
                .body("completion.completedByAgency", equalTo("CHILDRENS_SERVICES"));
    }

    @Test
    void anIndicatorOfAnotherFamilyUnknownOrForAnotherAgeBandIsRefusedByName() {
        String childRef = TestChildren.register("hscp-health");
        String id = open("hscp-health", childRef);
        as("hscp-health").body(contribution(List.of(observation(NUTRITION, 2), observation("WS.PHYSICAL_CARE.NUTRITION.0_4", 2),
                observation("HIOW.PHYSICAL_CARE.NO_SUCH_THING.0_4", 2), observation("HIOW.PHYSICAL_CARE.NUTRITION.5_11", 2))))
                .when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("observations[1].indicatorCode", "observations[2].indicatorCode",
                        "observations[3].indicatorCode"))
                .body("errors.find { it.field == 'observations[1].indicatorCode' }.message", containsString("family"))
                .body("errors.find { it.field == 'observations[3].indicatorCode' }.message", containsString("age band"))
                .body(not(containsString("NO_SUCH_THING")));
        as("hscp-health").when().get("/api/v1/assessments/{id}", id).then().statusCode(200).body("contributions", hasSize(0));
    }

    @Test
    void aGradeOutsideOneToFiveIsRefusedByName() {
        String id = open("hscp-health", TestChildren.register("hscp-health"));
        for (int grade : new int[] { 0, 6 }) {
            as("hscp-health").body(contribution(List.of(observation(NUTRITION, 3), observation(HYGIENE, grade))))
                    .when().post("/api/v1/assessments/{id}/contributions", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("observations[1].grade"));
        }
        Map<String, Object> tooLong = contribution(List.of());
        tooLong.put("concerns", List.of("x".repeat(1001)));
        as("hscp-health").body(tooLong).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).body("errors.field", contains("concerns[0]"));
    }

    @Test
    void eachContributionRecordsPurposeLawfulBasisAndConsentOrThePara18Reason() {
        String id = open("hscp-police", TestChildren.register("hscp-police"));
        Map<String, Object> missing = contribution(List.of(observation(NUTRITION, 3)));
        missing.remove("purpose");
        missing.remove("lawfulBasis");
        missing.remove("consent");
        as("hscp-police").body(missing).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).body("errors.field", hasItems("purpose", "lawfulBasis", "consent"));

        Map<String, Object> withoutConsent = contribution(List.of(observation(NUTRITION, 3)));
        withoutConsent.put("consent", "REFUSED");
        as("hscp-police").body(withoutConsent).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).body("errors.field", contains("para18Reason"));

        // the basis names its Art 9 condition: the previous release's separate field goes only with its public task
        Map<String, Object> condition = contribution(List.of(observation(NUTRITION, 3)));
        condition.put("specialCategoryCondition", "SAFEGUARDING_SCH1_PARA18");
        as("hscp-police").body(condition).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).body("errors.field", contains("specialCategoryCondition"));

        Map<String, Object> lawEnforcement = contribution(List.of(observation(NUTRITION, 3)));
        lawEnforcement.put("lawfulBasis", "LAW_ENFORCEMENT_PART_3");
        lawEnforcement.put("consent", "NOT_SOUGHT");
        lawEnforcement.put("para18Reason", "WOULD_PREJUDICE_PROTECTION");
        as("hscp-health").body(lawEnforcement).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(422).body("errors.field", contains("lawfulBasis"));
        as("hscp-police").body(lawEnforcement).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).body("lawfulBasis", equalTo("LAW_ENFORCEMENT_PART_3"))
                .body("consent", equalTo("NOT_SOUGHT")).body("practitionerId", equalTo("p-hscp-police"));
        as("hscp-police").when().get("/api/v1/assessments/{id}", id).then().body("contributions", hasSize(1));
    }

    @Test
    void completionNeedsAContributionTheDecisionStrengthsAndTheChildsVoice() {
        String childRef = TestChildren.register("hscp-health");
        String id = open("hscp-health", childRef);
        as("hscp-health").body(completion(2)).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).body("errors.field", contains("contributions"));
        contribute("hscp-health", id, contribution(List.of(observation(NUTRITION, 3))));

        Map<String, Object> noVoice = completion(2);
        noVoice.remove("childsVoiceAbsentReason");
        as("hscp-health").body(noVoice).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", contains("childsVoice"));
        Map<String, Object> both = completion(2);
        both.put("childsVoice", "Says she is hungry at school");
        as("hscp-health").body(both).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).body("errors.field", contains("childsVoice"));
        Map<String, Object> unborn = completion(2);
        unborn.put("childsVoiceAbsentReason", "UNBORN");
        as("hscp-health").body(unborn).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).body("errors.field", contains("childsVoiceAbsentReason"));
        Map<String, Object> bare = new HashMap<>(Map.of("childsVoice", "Likes nursery"));
        as("hscp-health").body(bare).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).body("errors.field", containsInAnyOrder("primaryCategory", "thresholdLevel", "rationale", "strengths"));
        Map<String, Object> wrongCategory = completion(2);
        wrongCategory.put("primaryCategory", "NOT_A_HOWE_CATEGORY");
        wrongCategory.put("thresholdLevel", 5);
        as("hscp-health").body(wrongCategory).when().post("/api/v1/assessments/{id}/completion", id)
                .then().statusCode(422).body("errors.field", containsInAnyOrder("primaryCategory", "thresholdLevel"))
                .body(not(containsString("NOT_A_HOWE_CATEGORY")));
        as("hscp-health").when().get("/api/v1/assessments/{id}", id).then().body("status", equalTo("OPEN"));
        as("hscp-health").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().statusCode(200).body("changes", hasSize(0));
    }

    @Test
    void aCompletedAssessmentIsImmutableAndAnAmendmentIsANewVersion() {
        String childRef = TestChildren.register("hscp-health");
        String v1 = open("hscp-health", childRef);
        contribute("hscp-health", v1, contribution(List.of(observation(NUTRITION, 3))));
        complete("hscp-childrens-services", v1, 3);

        as("hscp-education").body(contribution(List.of(observation(NUTRITION, 4))))
                .when().post("/api/v1/assessments/{id}/contributions", v1)
                .then().statusCode(409).contentType("application/problem+json");
        as("hscp-childrens-services").body(completion(4)).when().post("/api/v1/assessments/{id}/completion", v1)
                .then().statusCode(409);

        String v2 = as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v1)
                .then().statusCode(201)
                .body("version", equalTo(2)).body("amends", equalTo(v1)).body("status", equalTo("OPEN"))
                .body("toolkitVersion", equalTo(edition))
                .body("contributions", hasSize(1)).body("contributions[0].copiedFrom", notNullValue())
                .extract().path("id");
        as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v2).then().statusCode(409);
        as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v1).then().statusCode(409);

        contribute("hscp-education", v2, contribution(List.of(observation(HYGIENE, 5))));
        complete("hscp-childrens-services", v2, 4);
        as("hscp-health").when().get("/api/v1/assessments/{id}", v1)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("version", equalTo(1))
                .body("amendedBy", equalTo(v2)).body("contributions", hasSize(1)).body("completion.thresholdLevel", equalTo(3));
        as("hscp-health").when().get("/api/v1/assessments/{id}", v2)
                .then().statusCode(200).body("contributions", hasSize(2)).body("seriesId", equalTo(v1));

        // a later assessment at the same level is no change
        String again = open("hscp-health", childRef);
        contribute("hscp-health", again, contribution(List.of(observation(NUTRITION, 4))));
        complete("hscp-childrens-services", again, 4);

        as("hscp-police").when().get("/api/v1/children/{ref}/threshold-history", childRef)
                .then().statusCode(200)
                .body("currentLevel", equalTo(4))
                .body("changes", hasSize(2))
                .body("changes[0].fromLevel", nullValue()).body("changes[0].toLevel", equalTo(3))
                .body("changes[0].assessmentId", equalTo(v1))
                .body("changes[1].fromLevel", equalTo(3)).body("changes[1].toLevel", equalTo(4))
                .body("changes[1].assessmentId", equalTo(v2))
                .body("changes.changedOn", everyItem(notNullValue()));
    }

    @Test
    void anotherPartnershipCannotReachTheAssessmentAndDashboardsCannotAtAll() {
        String childRef = TestChildren.register("hscp-health");
        String id = open("hscp-health", childRef);
        for (String other : List.of("iowscp-health", "wsscp-childrens-services")) {
            as(other).when().get("/api/v1/assessments/{id}", id).then().statusCode(404).contentType("application/problem+json")
                    .body(not(containsString(childRef)));
            as(other).body(contribution(List.of(observation(NUTRITION, 3))))
                    .when().post("/api/v1/assessments/{id}/contributions", id).then().statusCode(404);
            as(other).when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(404);
            as(other).when().get("/api/v1/children/{ref}/threshold-history", childRef).then().statusCode(404);
        }
        as("hscp-health").when().get("/api/v1/assessments/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        as("hscp-health").when().get("/api/v1/assessments/{id}", "not-a-uuid").then().statusCode(404);

        as("hscp-dashboard").when().get("/api/v1/assessments/{id}", id).then().statusCode(403).contentType("application/problem+json");
        as("hscp-dashboard").when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(403);
        as("hscp-dashboard").when().get("/api/v1/children/{ref}/threshold-history", childRef).then().statusCode(403);
        as("hscp-health").when().get("/api/v1/assessments/{id}", id).then().statusCode(200).body("contributions", hasSize(0));
    }

    @Test
    void writesNameThePractitionerAndAnIdempotencyKeyOpensOnce() {
        String childRef = TestChildren.register("iowscp-education");
        given().header("Authorization", bearer("iowscp-education"))
                .when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(400).body("errors.field", contains("X-Practitioner-Id"));
        String first = as("iowscp-education").header("Idempotency-Key", "open-" + childRef)
                .when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(201).extract().path("id");
        as("iowscp-education").header("Idempotency-Key", "open-" + childRef)
                .when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(201).body("id", equalTo(first));
        as("iowscp-education").when().get("/api/v1/assessments/{id}", first).then().statusCode(200)
                .body("partnership", equalTo("IOWSCP")).body("toolkitFamily", equalTo("HIOW"));
    }

    @Test
    void everyReadAndWriteIsAudited() {
        String childRef = TestChildren.register("hscp-health");
        String id = open("hscp-health", childRef);
        contribute("hscp-health", id, contribution(List.of(observation(NUTRITION, 3))));
        complete("hscp-health", id, 2);
        as("hscp-health").when().post("/api/v1/assessments/{id}/amendments", id).then().statusCode(201);
        as("hscp-education").when().get("/api/v1/assessments/{id}", id).then().statusCode(200);
        as("iowscp-police").when().get("/api/v1/assessments/{id}", id).then().statusCode(404);
        as("hscp-health").when().get("/api/v1/children/{ref}/threshold-history", childRef).then().statusCode(200);

        AuditRows.forChild(db, childRef)
                .body("entries.action", hasItems("assessment.open", "assessment.contribute", "assessment.complete",
                        "assessment.amend", "assessment.read", "threshold-history.read"))
                .body("entries.find { it.clientId == 'iowscp-police' }.outcome", equalTo("NOT_FOUND"))
                .body("entries.find { it.action == 'assessment.contribute' }.practitionerId", equalTo("p-hscp-health"));
    }
}
