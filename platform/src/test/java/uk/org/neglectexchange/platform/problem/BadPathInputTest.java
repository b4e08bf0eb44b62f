package uk.org.neglectexchange.platform.problem;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Found by the gateway's generated bad requests (BadInputTest) in every service: a NUL in a path value failed the
 * lookup by it (500: PostgreSQL cannot compare text holding one), and one in a query parameter went into an ETag, so
 * the response broke off and the gateway answered 504. Each is a 400 before any resource sees it.
 */
@QuarkusTest
class BadPathInputTest {

    @Test
    void aNulCharacterInThePathIsABadRequest() {
        assertProblem(given().urlEncodingEnabled(false).when().get("/probe/people/ok%00ok").then(), 400);
    }

    @Test
    void aNulCharacterInTheQueryIsABadRequest() {
        assertProblem(given().urlEncodingEnabled(false).when().get("/probe/people?area=ok%00ok").then(), 400);
        assertProblem(given().urlEncodingEnabled(false).when().get("/probe/people?ok%00ok=area").then(), 400);
    }
}
