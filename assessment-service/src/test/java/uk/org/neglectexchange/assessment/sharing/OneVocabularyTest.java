package uk.org.neglectexchange.assessment.sharing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * Reads and contributions speak one vocabulary of shares; the previous release's codes of either are understood for
 * one release, stored as the basis they mean, and the answer says they are deprecated.
 */
@QuarkusTest
class OneVocabularyTest {

    private static final String BASES = "PUBLIC_TASK_SAFEGUARDING_CHILDREN, PUBLIC_TASK_HEALTH_SOCIAL_CARE, LAW_ENFORCEMENT_PART_3";
    private static final String LINK = "<https://neglect-exchange.example/assessment-service/README.md#one-vocabulary-for-every-share>; "
            + "rel=\"deprecation\"; type=\"text/markdown\"";

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-0417");
    }

    private static RequestSpecification reading(String clientId, String basis) {
        return as(clientId).header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", basis).header("X-Consent", "GIVEN");
    }

    private static Map<String, Object> contribution(String basis) {
        return new HashMap<>(Map.of("concerns", List.of("Missed two health appointments"), "purpose", "neglect-assessment",
                "lawfulBasis", basis, "consent", "GIVEN"));
    }

    private static RequestSpecification contributing(String clientId, Map<String, Object> body) {
        return as(clientId).contentType(ContentType.JSON).body(body);
    }

    @Test
    void aReadInAnOldCodeIsAnsweredDeprecatedAndStoredCanonically() throws Exception {
        String childRef = TestChildren.register("hscp-childrens-services");
        reading("hscp-health", "HEALTH_AND_SOCIAL_CARE").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).header("Deprecation", "@1796083200").header("Link", LINK);
        reading("hscp-police", "LAW_ENFORCEMENT").when().get("/api/v1/children/{ref}/household", childRef)
                .then().statusCode(200).header("Deprecation", "@1796083200");
        reading("hscp-education", "PUBLIC_TASK_SAFEGUARDING_CHILDREN").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).header("Deprecation", nullValue()).header("Link", nullValue());

        assertEquals(List.of("PUBLIC_TASK_HEALTH_SOCIAL_CARE", "LAW_ENFORCEMENT_PART_3", "PUBLIC_TASK_SAFEGUARDING_CHILDREN"),
                as("hscp-childrens-services").when().get("/api/v1/children/{ref}/sharing-records", childRef)
                        .then().statusCode(200).extract().path("records.lawfulBasis"));
        assertEquals(3, Rows.count(db, "select count(*) from sharing_record where child_ref = ? and lawful_basis in "
                + "('PUBLIC_TASK_HEALTH_SOCIAL_CARE', 'LAW_ENFORCEMENT_PART_3', 'PUBLIC_TASK_SAFEGUARDING_CHILDREN')", childRef));
    }

    @Test
    void aReadInAnUnknownCodeIsRefusedWithTheAcceptedOnes() throws Exception {
        String childRef = TestChildren.register("hscp-childrens-services");
        reading("hscp-health", "PUBLIC_TASK_6_1_E").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("X-Lawful-Basis")))
                .body("errors[0].message", equalTo("must be one of " + BASES))
                .body(not(containsString("6_1_E"))).header("Deprecation", nullValue());
        assertEquals(0, Rows.count(db, "select count(*) from sharing_record where child_ref = ?", childRef));
    }

    @Test
    void aContributionInOldCodesIsAnsweredDeprecatedAndStoredCanonically() throws Exception {
        PublishedEditions.currentHiow();
        String childRef = TestChildren.register("hscp-childrens-services");
        String id = as("hscp-childrens-services").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");

        Map<String, Object> old = contribution("PUBLIC_TASK_6_1_E");
        old.put("specialCategoryCondition", "HEALTH_SOCIAL_CARE_9_2_H");
        contributing("hscp-health", old).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).header("Deprecation", "@1796083200").header("Link", LINK)
                .body("lawfulBasis", equalTo("PUBLIC_TASK_HEALTH_SOCIAL_CARE")).body("specialCategoryCondition", nullValue());
        Map<String, Object> police = contribution("LAW_ENFORCEMENT_PART3");
        police.put("consent", "NOT_SOUGHT");
        police.put("para18Reason", "WOULD_PREJUDICE_PROTECTION");
        contributing("hscp-police", police).header("Idempotency-Key", "vocabulary-" + id)
                .when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).header("Deprecation", "@1796083200").body("lawfulBasis", equalTo("LAW_ENFORCEMENT_PART_3"));
        // the same request again gets the first outcome, and is told again
        contributing("hscp-police", police).header("Idempotency-Key", "vocabulary-" + id)
                .when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).header("Deprecation", "@1796083200");
        contributing("hscp-education", contribution("PUBLIC_TASK_SAFEGUARDING_CHILDREN"))
                .when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(201).header("Deprecation", nullValue()).header("Link", nullValue());

        assertEquals(List.of("PUBLIC_TASK_HEALTH_SOCIAL_CARE", "LAW_ENFORCEMENT_PART_3", "PUBLIC_TASK_SAFEGUARDING_CHILDREN"),
                as("hscp-childrens-services").when().get("/api/v1/assessments/{id}", id)
                        .then().statusCode(200).extract().path("contributions.lawfulBasis"));
        assertEquals(3, Rows.count(db, "select count(*) from assessment_contribution where assessment_id = ?::uuid and lawful_basis in "
                + "('PUBLIC_TASK_HEALTH_SOCIAL_CARE', 'LAW_ENFORCEMENT_PART_3', 'PUBLIC_TASK_SAFEGUARDING_CHILDREN')", id));
    }

    @Test
    void aContributionInAnUnknownCodeIsRefusedWithTheAcceptedOnesAndNothingStored() throws Exception {
        PublishedEditions.currentHiow();
        String childRef = TestChildren.register("hscp-childrens-services");
        String id = as("hscp-childrens-services").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        Map<String, Object> unknown = contribution("VITAL-INTERESTS-MAYBE");
        unknown.put("para18Reason", "NO-TIME-MAYBE");
        unknown.put("consent", "REFUSED");
        contributing("hscp-health", unknown).when().post("/api/v1/assessments/{id}/contributions", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("lawfulBasis", "para18Reason")))
                .body("errors[0].message", equalTo("must be one of " + BASES))
                .body("errors[1].message", equalTo("must be one of CANNOT_BE_GIVEN, CANNOT_REASONABLY_BE_OBTAINED, WOULD_PREJUDICE_PROTECTION"))
                .body(not(containsString("MAYBE")));
        assertEquals(0, Rows.count(db, "select count(*) from assessment_contribution where assessment_id = ?::uuid", id));
    }
}
