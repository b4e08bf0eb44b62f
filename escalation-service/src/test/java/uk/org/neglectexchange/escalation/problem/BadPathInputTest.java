package uk.org.neglectexchange.escalation.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.escalation.support.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Found by the gateway's generated bad requests (BadInputTest): a NUL in a path value used to end in a 500. */
@QuarkusTest
class BadPathInputTest {

    @Test
    void aNulCharacterInThePathIsABadRequest() {
        given().urlEncodingEnabled(false).header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/escalation-procedures/ok%00ok")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }
}
