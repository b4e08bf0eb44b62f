package uk.org.neglectexchange.toolkit.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.toolkit.support.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Found by the gateway's generated bad requests (BadInputTest): a NUL in a path value failed the edition lookup
 * (500), and one in a query parameter went into the ETag, so the response broke off and the gateway answered 504.
 */
@QuarkusTest
class BadPathInputTest {

    @Test
    void aNulCharacterInThePathIsABadRequest() {
        given().urlEncodingEnabled(false).header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/HIOW/editions/ok%00ok/strategy")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }

    @Test
    void aNulCharacterInTheQueryIsABadRequest() {
        given().urlEncodingEnabled(false).header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/HIOW/editions/current/indicators?area=ok%00ok")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }
}
