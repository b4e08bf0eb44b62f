package uk.org.neglectexchange.assessment.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class HouseholdTest {

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        // an agency other than the lead agency states its lawful basis when it reads (RULES.md, golden rule 7)
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "hv-0031")
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    private static String registerUnborn(String clientId, String familyName) {
        return as(clientId).body(Map.of("familyName", familyName, "expectedDateOfBirth", LocalDate.now().plusMonths(2).toString()))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
    }

    @Test
    void aSiblingLinkReadsBothWaysAndIsMadeOnce() {
        String older = TestChildren.register("hscp-health");
        String younger = TestChildren.register("hscp-health");
        as("hscp-education").body(Map.of("relatedChildRef", younger, "relationship", "HALF_SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", older)
                .then().statusCode(201).body("childRef", equalTo(younger)).body("relationship", equalTo("HALF_SIBLING"))
                .body("ageBand", equalTo("0_4"));
        as("hscp-police").when().get("/api/v1/children/{ref}/household", younger)
                .then().statusCode(200).body("siblings.childRef", equalTo(List.of(older)))
                .body("siblings[0].relationship", equalTo("HALF_SIBLING")).body("siblings[0].unborn", equalTo(false));

        // the same link again, from either side, is the link already made
        as("hscp-education").body(Map.of("relatedChildRef", older, "relationship", "HALF_SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", younger).then().statusCode(200);
        as("hscp-education").body(Map.of("relatedChildRef", older, "relationship", "STEP_SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", younger)
                .then().statusCode(409).contentType("application/problem+json");
        as("hscp-health").when().get("/api/v1/children/{ref}/household", older)
                .then().statusCode(200).body("siblings", hasSize(1)).body("siblings[0].childRef", equalTo(younger));
    }

    @Test
    void linksStayInsideThePartnership() {
        String child = TestChildren.register("iowscp-health");
        String elsewhere = TestChildren.register("hscp-health");
        as("iowscp-health").body(Map.of("relatedChildRef", child, "relationship", "SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", child)
                .then().statusCode(422).body("errors[0].field", equalTo("relatedChildRef"));
        as("iowscp-health").body(Map.of("relatedChildRef", elsewhere, "relationship", "SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", child).then().statusCode(404);
        as("hscp-health").body(Map.of("relatedChildRef", child, "relationship", "SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", elsewhere).then().statusCode(404);
        as("hscp-health").when().get("/api/v1/children/{ref}/household", child).then().statusCode(404);
        as("iowscp-health").body(Map.of("relatedChildRef", elsewhere, "relationship", "COUSIN"))
                .when().post("/api/v1/children/{ref}/household-links", child)
                .then().statusCode(400).body("errors[0].field", equalTo("relationship"));
        as("iowscp-health").when().get("/api/v1/children/{ref}/household", child)
                .then().statusCode(200).body("siblings", hasSize(0)).body("carers", hasSize(0));
    }

    @Test
    void anUnbornBabyHasSiblingsAndCarersAndSiblingsShareCarers() throws Exception {
        String family = TestChildren.uniqueFamilyName();
        String unborn = registerUnborn("wsscp-health", family);
        String toddler = TestChildren.register("wsscp-health");
        as("wsscp-health").body(Map.of("relatedChildRef", toddler, "relationship", "SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", unborn).then().statusCode(201);

        String mother = as("wsscp-health")
                .body(Map.of("givenName", "Grace", "familyName", family, "relationship", "MOTHER", "livesWithChild", true))
                .when().post("/api/v1/children/{ref}/carers", unborn)
                .then().statusCode(201).body("carerRef", matchesPattern("CR-[A-Z2-9]{10}"))
                .body("identity.familyName", equalTo(family)).extract().path("carerRef");
        as("wsscp-education").body(Map.of("carerRef", mother, "relationship", "MOTHER", "livesWithChild", true))
                .when().post("/api/v1/children/{ref}/carers", toddler)
                .then().statusCode(201).body("carerRef", equalTo(mother)).body("identity", nullValue())
                .body(not(containsString(family)));
        as("wsscp-education").body(Map.of("carerRef", mother, "relationship", "MOTHER", "livesWithChild", true))
                .when().post("/api/v1/children/{ref}/carers", toddler).then().statusCode(200);

        as("wsscp-health").when().get("/api/v1/children/{ref}/household", toddler)
                .then().statusCode(200)
                .body("siblings[0].childRef", equalTo(unborn)).body("siblings[0].unborn", equalTo(true))
                .body("siblings[0].ageBand", equalTo("PRE_BIRTH"))
                .body("carers[0].carerRef", equalTo(mother)).body("carers[0].relationship", equalTo("MOTHER"))
                .body("carers[0].livesWithChild", equalTo(true))
                .body("carers[0].identity.givenName", equalTo("Grace")).body("carers[0].identity.familyName", equalTo(family));
        // names only with identity-read
        as("wsscp-police").when().get("/api/v1/children/{ref}/household", unborn)
                .then().statusCode(200).body("carers[0].carerRef", equalTo(mother)).body("carers[0].identity", nullValue())
                .body(not(containsString(family))).body(not(containsString("Grace")));

        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select * from carer where carer_ref = '" + mother + "'")) {
            rs.next();
            assertFalse(rs.getString("family_name_enc").contains(family), "carer names are encrypted at rest");
            assertFalse(rs.getString("given_name_enc").contains("Grace"), "carer names are encrypted at rest");
        }
    }

    @Test
    void anotherPartnershipsCarerCannotBeLinkedAndBadCarerRequestsChangeNothing() throws Exception {
        String hscpChild = TestChildren.register("hscp-childrens-services");
        String carer = as("hscp-childrens-services")
                .body(Map.of("familyName", TestChildren.uniqueFamilyName(), "relationship", "FATHER", "livesWithChild", false))
                .when().post("/api/v1/children/{ref}/carers", hscpChild).then().statusCode(201).extract().path("carerRef");
        String wsscpChild = TestChildren.register("wsscp-childrens-services");
        as("wsscp-childrens-services").body(Map.of("carerRef", carer, "relationship", "FATHER", "livesWithChild", false))
                .when().post("/api/v1/children/{ref}/carers", wsscpChild).then().statusCode(404);
        as("wsscp-childrens-services").body(Map.of("carerRef", carer, "familyName", "Smith", "relationship", "FATHER",
                "livesWithChild", false)).when().post("/api/v1/children/{ref}/carers", wsscpChild)
                .then().statusCode(422).body("errors[0].field", equalTo("carerRef")).body(not(containsString("Smith")));
        as("wsscp-childrens-services").body(Map.of("relationship", "MOTHER", "livesWithChild", true))
                .when().post("/api/v1/children/{ref}/carers", wsscpChild)
                .then().statusCode(422).body("errors[0].field", equalTo("familyName"));
        as("wsscp-childrens-services").body(Map.of("familyName", "Smith", "relationship", "MOTHER"))
                .when().post("/api/v1/children/{ref}/carers", wsscpChild)
                .then().statusCode(400).body("errors[0].field", equalTo("livesWithChild"));
        given().header("Authorization", bearer("wsscp-childrens-services")).contentType(ContentType.JSON)
                .body(Map.of("familyName", "Smith", "relationship", "MOTHER", "livesWithChild", true))
                .when().post("/api/v1/children/{ref}/carers", wsscpChild)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
        as("wsscp-childrens-services").when().get("/api/v1/children/{ref}/household", wsscpChild)
                .then().statusCode(200).body("carers", hasSize(0));
    }

    @Test
    void anIdempotencyKeyMakesOneCarerOfARetry() {
        String child = TestChildren.register("iowscp-childrens-services");
        String key = "carer-" + System.nanoTime();
        Map<String, Object> carer = Map.of("givenName", "Ann", "familyName", TestChildren.uniqueFamilyName(),
                "relationship", "KINSHIP_CARER", "livesWithChild", true);
        String carerRef = as("iowscp-childrens-services").header("Idempotency-Key", key).body(carer)
                .when().post("/api/v1/children/{ref}/carers", child).then().statusCode(201).extract().path("carerRef");
        as("iowscp-childrens-services").header("Idempotency-Key", key).body(carer)
                .when().post("/api/v1/children/{ref}/carers", child)
                .then().statusCode(201).body("carerRef", equalTo(carerRef));
        as("iowscp-childrens-services").when().get("/api/v1/children/{ref}/household", child)
                .then().statusCode(200).body("carers", hasSize(1));
    }

    @Test
    void householdChangesAndReadsAreAudited() {
        String child = TestChildren.register("hscp-education");
        String sibling = TestChildren.register("hscp-education");
        as("hscp-education").body(Map.of("relatedChildRef", sibling, "relationship", "STEP_SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", child).then().statusCode(201);
        as("hscp-education").when().get("/api/v1/children/{ref}/household", child).then().statusCode(200);
        List<String> actions = AuditRows.forChild(db, child).path("entries.action");
        assertEquals(List.of("child.register", "child.household-link", "child.household.read"), actions);
        AuditRows.forChild(db, sibling)
                .body("entries.action", equalTo(List.of("child.register", "child.household-link")));
    }
}
