package uk.org.neglectexchange.assessment.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertNamesTemplateNotValue;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Input the gateway's generated bad requests (BadInputTest) found accepted or answered with a 500, where this
 * service answers itself: a chronology query's dates, and the problem naming its own operations. What the platform
 * library refuses for every service (coercion, NUL and half surrogates in text, not UTF-8, a date with a time or
 * outside 1900–2100, nothing after the document, no Content-Type or another charset, NUL in the path or query) is
 * shown once, by the platform's StrictInputTest and BadPathInputTest.
 */
@QuarkusTest
class StrictInputTest {

    private static final String CLIENT = "hscp-childrens-services";

    @Test
    void aProblemNamesThePathTemplateNotThePath() {
        assertNamesTemplateNotValue(given().header("Authorization", bearer(CLIENT))
                .when().get("/api/v1/children/{ref}", "9434765919").then(), 404, "/api/v1/children/{childRef}",
                "9434765919");
    }

    @Test
    void aQueryDateOutsideTheDomainIsABadRequestNamingTheParameter() {
        for (String date : new String[] { "+999999999-12-31", "-999999999-01-01", "1899-12-31" }) {
            assertProblem(given().header("Authorization", bearer(CLIENT)).queryParam("from", date)
                    .when().get("/api/v1/children/CH-ZZZZZZZZZZ/chronology").then(), 400)
                    .body("errors[0].field", equalTo("from"));
        }
    }
}
