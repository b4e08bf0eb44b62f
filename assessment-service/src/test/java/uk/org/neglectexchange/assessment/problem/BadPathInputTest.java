package uk.org.neglectexchange.assessment.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A path value found by the gateway's generated bad requests (BadInputTest) that used to end in a 500. (A NUL in a
 * path or query, refused for every service, the platform's BadPathInputTest shows.)
 */
@QuarkusTest
class BadPathInputTest {

    @Test
    void aChildRefOfKilobytesIsNotFoundAndItsRefusalIsStillAudited() {
        // the audit used to try to index the whole value, and the refusal became a 500
        given().header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/children/{ref}", "x".repeat(4000))
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
