package uk.org.neglectexchange.toolkit.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertNamesTemplateNotValue;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Input the gateway's generated bad requests (BadInputTest) found answered with a 500, where this service answers
 * itself: an Accept on a chart (which has several representations), and the problem naming its own operations.
 * What the platform library refuses for every service (coercion, NUL and half surrogates in text, not UTF-8, a date
 * with a time or outside 1900–2100, nothing after the document, no Content-Type or another charset, NUL in the path
 * or query) is shown once, by the platform's StrictInputTest and BadPathInputTest.
 */
@QuarkusTest
class StrictInputTest {

    private static final String PRACTITIONER = "hscp-childrens-services";

    @Test
    void anEmptyAcceptOnAChartIsAnyRepresentation() {
        given().header("Authorization", bearer(PRACTITIONER)).header("Accept", "")
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/charts/thresholds")
                .then().statusCode(200).contentType(startsWith("application/json"));
        assertProblem(given().header("Authorization", bearer(PRACTITIONER)).header("Accept", "application")
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/charts/thresholds").then(), 406);
    }

    @Test
    void aProblemNamesThePathTemplateAndNoValueSent() {
        assertNamesTemplateNotValue(given().header("Authorization", bearer(PRACTITIONER))
                .when().get("/api/v1/toolkits/{family}/editions/1.0.0/thresholds", "9434765919").then(), 404,
                "/api/v1/toolkits/{family}/editions/{version}/thresholds", "9434765919");
    }
}
