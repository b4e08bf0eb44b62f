package uk.org.neglectexchange.assessment.child;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.assessment.support.TestChildren.child;
import static uk.org.neglectexchange.assessment.support.TestChildren.testNhsNumber;
import static uk.org.neglectexchange.assessment.support.TestChildren.uniqueFamilyName;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ChildResourceTest {

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "hv-0042")
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "GIVEN").contentType(ContentType.JSON);
    }

    @Test
    void theSameNhsNumberYieldsTheSameChildRef() {
        Map<String, Object> child = child(testNhsNumber(), "Amelia", uniqueFamilyName(), LocalDate.now().minusYears(2));
        String childRef = as("hscp-health").body(child).when().post("/api/v1/children")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/children/"))
                .body("childRef", matchesPattern("CH-[A-Z2-9]{10}"))
                .body("ageBand", equalTo("0_4"))
                .body("leadAgency", equalTo("HEALTH"))
                .extract().path("childRef");
        // another agency of the partnership, different spelling of the name: the NHS number decides
        child.put("givenName", "AMELIA");
        as("hscp-childrens-services").body(child).when().post("/api/v1/children")
                .then().statusCode(200).body("childRef", equalTo(childRef));
    }

    @Test
    void withoutAnNhsNumberNamesAndDateOfBirthMatch() {
        String family = uniqueFamilyName();
        LocalDate born = LocalDate.now().minusYears(9);
        String childRef = as("hscp-education").body(child(null, "Zoë", family, born)).when().post("/api/v1/children")
                .then().statusCode(201).body("ageBand", equalTo("5_11")).extract().path("childRef");
        as("hscp-police").body(child(null, "zoe", " " + family.toUpperCase(), born)).when().post("/api/v1/children")
                .then().statusCode(200).body("childRef", equalTo(childRef));
    }

    @Test
    void anUnbornBabyIsRegisteredByExpectedDate() {
        as("wsscp-health").body(Map.of("familyName", uniqueFamilyName(), "expectedDateOfBirth", LocalDate.now().plusMonths(3).toString()))
                .when().post("/api/v1/children")
                .then().statusCode(201).body("ageBand", equalTo("PRE_BIRTH")).body("unborn", equalTo(true));
    }

    @Test
    void identityIsShownOnlyToClientsWithTheRoleForIt() {
        String nhs = testNhsNumber();
        String childRef = as("hscp-health").body(child(nhs, "Noah", uniqueFamilyName(), LocalDate.now().minusYears(6)))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        as("hscp-health").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).body("identity.nhsNumber", equalTo(nhs)).body("identity.givenName", equalTo("Noah"));
        as("hscp-education").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(200).body("identity", nullValue()).body(not(containsString(nhs)));
    }

    @Test
    void anotherPartnershipCannotTellTheChildExists() {
        String nhs = testNhsNumber();
        Map<String, Object> child = child(nhs, "Ivy", uniqueFamilyName(), LocalDate.now().minusYears(4));
        String childRef = as("hscp-health").body(child).when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
        as("iowscp-health").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(404).contentType("application/problem+json");
        as("wsscp-police").when().get("/api/v1/children/CH-ZZZZZZZZZZ")
                .then().statusCode(404).contentType("application/problem+json");
        // registering the same child elsewhere asks for a transfer, without revealing anything about it
        as("iowscp-childrens-services").body(child).when().post("/api/v1/children")
                .then().statusCode(409).contentType("application/problem+json").body(not(containsString(nhs)))
                .body(not(containsString(childRef)));
    }

    @Test
    void badInputNamesTheFieldAndNeverEchoesIdentity() {
        as("hscp-health").body(child("9434765918", "Leo", "Smith", LocalDate.now().minusYears(1)))
                .when().post("/api/v1/children")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("nhsNumber"))
                .body(not(containsString("9434765918")));
        as("hscp-health").body(child(null, "Leo", "Smith", LocalDate.now().plusDays(3)))
                .when().post("/api/v1/children")
                .then().statusCode(422).body("errors.field", hasItem("dateOfBirth"));
        as("hscp-health").body(Map.of("familyName", "Smith"))
                .when().post("/api/v1/children")
                .then().statusCode(422).body("errors.field", hasItem("dateOfBirth"));
        as("hscp-health").body("{\"familyName\": \"Smith\", \"dateOfBirth\": \"2020-13-45\", \"givenName\": \"Leo\"}")
                .when().post("/api/v1/children")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("dateOfBirth"));
        as("hscp-health").body("{\"familyName\": \"Smith\", \"nickname\": \"x\"}")
                .when().post("/api/v1/children")
                .then().statusCode(400).body("errors[0].field", equalTo("nickname"));
        as("hscp-health").body(child(null, "Leo", "x".repeat(101), LocalDate.now().minusYears(1)))
                .when().post("/api/v1/children")
                .then().statusCode(400).body("errors[0].field", equalTo("familyName"));
    }

    @Test
    void aWriteMustNameThePractitioner() {
        given().header("Authorization", bearer("hscp-health")).contentType(ContentType.JSON)
                .body(child(testNhsNumber(), "Mia", uniqueFamilyName(), LocalDate.now().minusYears(1)))
                .when().post("/api/v1/children")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Practitioner-Id"));
    }

    @Test
    void aRoleWithoutChildWriteIsForbidden() {
        as("hscp-dashboard").body(child(testNhsNumber(), "Mia", uniqueFamilyName(), LocalDate.now().minusYears(1)))
                .when().post("/api/v1/children")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstOutcomeAndRefusesAnotherBody() {
        Map<String, Object> child = child(testNhsNumber(), "Ava", uniqueFamilyName(), LocalDate.now().minusYears(5));
        String key = "register-" + System.nanoTime();
        String childRef = as("hscp-health").header("Idempotency-Key", key).body(child).when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
        as("hscp-health").header("Idempotency-Key", key).body(child).when().post("/api/v1/children")
                .then().statusCode(201).body("childRef", equalTo(childRef));
        child.put("givenName", "Eva");
        as("hscp-health").header("Idempotency-Key", key).body(child).when().post("/api/v1/children")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
