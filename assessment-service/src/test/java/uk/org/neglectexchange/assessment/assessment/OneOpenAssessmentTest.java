package uk.org.neglectexchange.assessment.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.as;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.complete;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribute;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.contribution;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.observation;
import static uk.org.neglectexchange.assessment.assessment.AssessmentResourceTest.open;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static io.restassured.RestAssured.given;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class OneOpenAssessmentTest {

    @Inject
    DataSource db;

    @BeforeEach
    void aHiowEditionIsPublished() throws Exception {
        PublishedEditions.currentHiow();
    }

    @Test
    void aSecondOpenAssessmentIsAConflictNamingTheOpenOneAndNothingIsStored() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String first = as("hscp-health").header("Idempotency-Key", "open-once-" + childRef)
                .when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(201).extract().path("id");

        as("hscp-education").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));
        // the agency system that lost the first answer retries with its key: the first outcome, not a conflict
        as("hscp-health").header("Idempotency-Key", "open-once-" + childRef)
                .when().post("/api/v1/children/{ref}/assessments", childRef).then().statusCode(201).body("id", equalTo(first));
        assertEquals(1, Rows.count(db, "select count(*) from assessment where child_ref = ?", childRef));
        assertEquals(1, Rows.count(db, "select count(*) from outbox_event where message_key = ? and type = 'assessment.started'",
                childRef));

        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'assessment.open' }.outcome", hasItem("REJECTED"));
    }

    @Test
    void anAmendmentBesideAnOpenAssessmentIsAConflictToo() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String v1 = open("hscp-health", childRef);
        contribute("hscp-health", v1, contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 3))));
        complete("hscp-childrens-services", v1, 2);
        String next = open("hscp-health", childRef);

        as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v1)
                .then().statusCode(409).body("detail", containsString(next));
        assertEquals(2, Rows.count(db, "select count(*) from assessment where child_ref = ?", childRef));
    }

    @Test
    void theListShowsOpenAndCompletedVersionsAndNamesTheOpenOne() {
        String childRef = TestChildren.register("hscp-health");
        as("hscp-police").when().get("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(200).body("assessments.size()", equalTo(0)).body("openAssessmentId", nullValue());

        String v1 = open("hscp-health", childRef);
        contribute("hscp-health", v1, contribution(List.of(observation(AssessmentResourceTest.NUTRITION, 3))));
        complete("hscp-childrens-services", v1, 3);
        String v2 = as("hscp-childrens-services").when().post("/api/v1/assessments/{id}/amendments", v1)
                .then().statusCode(201).extract().path("id");

        as("hscp-police").when().get("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(200)
                .body("childRef", equalTo(childRef))
                .body("openAssessmentId", equalTo(v2))
                .body("assessments.id", contains(v1, v2))
                .body("assessments.version", contains(1, 2))
                .body("assessments.status", contains("COMPLETED", "OPEN"))
                .body("assessments[0].amendedBy", equalTo(v2))
                .body("assessments[0].thresholdLevel", equalTo(3))
                .body("assessments[1].amends", equalTo(v1))
                .body("assessments[1].seriesId", equalTo(v1));

        // another partnership cannot tell the child exists; a reader without the role is refused
        as("iowscp-health").when().get("/api/v1/children/{ref}/assessments", childRef).then().statusCode(404);
        as("hscp-dashboard").when().get("/api/v1/children/{ref}/assessments", childRef).then().statusCode(403);
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'assessment.list' }.clientId", hasItem("hscp-police"));
    }

    @Test
    void anotherAgencyListingStatesItsBasis() {
        String childRef = TestChildren.register("hscp-health");
        given().header("Authorization", bearer("hscp-police")).when().get("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
