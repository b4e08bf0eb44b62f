package uk.org.neglectexchange.escalation.problem;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertNamesTemplateNotValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Input the gateway's generated bad requests (BadInputTest) found answered with a 500, where this service answers
 * itself: the problem naming its own operations and repeating no value sent. What the platform library refuses for
 * every service (coercion, a fraction for a number of days, NUL and half surrogates in free text, not UTF-8, nothing
 * after the document, no Content-Type or another charset, NUL in the path or query) is shown once, by the
 * platform's StrictInputTest and BadPathInputTest.
 */
@QuarkusTest
class StrictInputTest {

    @Test
    void aProblemNamesThePathTemplateAndNoValueSent() {
        assertNamesTemplateNotValue(given().header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures/{p}", "NHS 9434765919").then(), 404,
                "/api/v1/escalation-procedures/{partnership}", "9434765919");
    }
}
