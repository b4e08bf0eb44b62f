package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Routing with a valid token. The test profile points every service at a closed port (application.properties), so
 * proxied requests end in 503; the end-to-end tests through running services live elsewhere.
 */
@QuarkusTest
class ApiRoutingTest {

    @Test
    void unknownSegmentIsNotFoundWithoutEchoingTheQuery() {
        assertProblem(given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/no-such-thing/123?nhsNumber=9434765919").then(), 404, "Not Found", "not-found")
                .body("instance", equalTo("/api/v1/no-such-thing/{value}"))
                .body(not(containsString("9434765919")));
    }

    @Test
    void anIdentifierInThePathIsMaskedInTheProblem() {
        assertProblem(given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/no-such-thing/9434765919/notes").then(), 404, "Not Found", "not-found")
                .body("instance", equalTo("/api/v1/no-such-thing/{value}/notes"))
                .body(not(containsString("9434765919")));
    }

    @Test
    void apiRootIsNotFound() {
        assertProblem(given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/").then(), 404,
                "Not Found", "not-found");
    }

    @Test
    void segmentReservedForTheGatewayWithNothingThereYetIsNotFound() {
        assertProblem(given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/dashboard/x").then(),
                404, "Not Found", "not-found");
    }

    @Test
    void serviceNotRunningIsServiceUnavailableNamingTheService() {
        assertProblem(given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/children/C-1").then(),
                503, "Service Unavailable", "service-unavailable")
                .body("detail", equalTo("the assessment service is not answering"))
                .body("instance", equalTo("/api/v1/children/{value}"));
    }

    @Test
    void postWithBodyToServiceNotRunningFailsFastInsteadOfHanging() {
        assertProblem(given().header("Authorization", bearer("hscp-health")).contentType("application/json")
                .body("{\"childRef\":\"C-1\",\"otherAgency\":\"POLICE\"}")
                .when().post("/api/v1/escalations").then(), 503, "Service Unavailable", "service-unavailable")
                .body("detail", equalTo("the escalation service is not answering"));
    }

    @Test
    void responseOfAProxiedRouteCarriesTheRequestId() {
        given().header("Authorization", bearer("hscp-health")).header("X-Request-Id", "trace-me-1")
                .when().get("/api/v1/toolkits/HIOW/editions/current")
                .then().header("X-Request-Id", "trace-me-1");
    }

    @Test
    void unknownPathOutsideTheApiIsNotFoundAsProblem() {
        assertProblem(given().when().get("/nowhere").then(), 404, "Not Found", "not-found");
    }
}
