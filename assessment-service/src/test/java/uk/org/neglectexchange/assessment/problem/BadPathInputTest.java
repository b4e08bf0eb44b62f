package uk.org.neglectexchange.assessment.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.assessment.support.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Path values found by the gateway's generated bad requests (BadInputTest) that used to end in a 500. */
@QuarkusTest
class BadPathInputTest {

    @Test
    void aNulCharacterInThePathIsABadRequest() {
        given().urlEncodingEnabled(false).header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/children/ok%00ok/threshold-history")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }

    @Test
    void aChildRefOfKilobytesIsNotFoundAndItsRefusalIsStillAudited() {
        // the audit used to try to index the whole value, and the refusal became a 500
        given().header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/children/{ref}", "x".repeat(4000))
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
