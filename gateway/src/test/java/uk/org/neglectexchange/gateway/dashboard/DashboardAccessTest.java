package uk.org.neglectexchange.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.tokenFor;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.gateway.problem.ProblemException;

/** Who may read the dashboard, and what a bad query gets: problem+json every time, naming the parameter. */
@QuarkusTest
class DashboardAccessTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "/children-by-category", "/children-by-level", "/level-changes", "/drift-alerts",
            "/escalations", "/toolkit-review", "/contributions-by-agency" })
    void withoutATokenEveryAggregateIs401(String path) {
        assertProblem(given().when().get("/api/v1/dashboard" + path).then(), 401, "Unauthorized", "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aBrokenTokenIs401() {
        assertProblem(given().header("Authorization", "Bearer not-a-token").when().get("/api/v1/dashboard").then(),
                401, "Unauthorized", "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = { "hscp-health", "hscp-childrens-services", "hiow-toolkit-editor", "hscp-dpo" })
    void aTokenWithoutRoleDashboardIs403(String client) {
        assertProblem(given().header("Authorization", bearer(client)).when().get("/api/v1/dashboard/escalations").then(),
                403, "Forbidden", "forbidden")
                .body("instance", equalTo("/api/v1/dashboard/escalations"));
    }

    /**
     * No client of the realm issues a dashboard token without a partnership, so this takes a real one's claims and
     * removes the claim: the resource must refuse rather than show some partnership's figures.
     */
    @Test
    void aDashboardTokenWithoutAPartnershipClaimIs403() throws Exception {
        String payload = tokenFor("hscp-dashboard").split("\\.")[1];
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        claims.unsetClaim("partnership");
        DashboardResource resource = new DashboardResource();
        resource.token = new OidcJwtCallerPrincipal(claims, null);
        ProblemException refused = assertThrows(ProblemException.class, resource::childrenByLevel);
        assertEquals(403, refused.status());
        assertEquals("The token carries no partnership claim, so there is no dashboard to show", refused.getMessage());
    }

    @Test
    void aDashboardTokenSeesItsOwnPartnership() {
        given().header("Authorization", bearer("iowscp-dashboard"))
                .when().get("/api/v1/dashboard/children-by-category")
                .then().statusCode(200)
                .body("partnership", equalTo("IOWSCP"))
                .body("counts.keySet()", org.hamcrest.Matchers.contains("EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED",
                        "SEVERE_DEPRIVATION"));
    }

    @Test
    void aDateThatIsNotOneIs400NamingIt() {
        assertProblem(levelChanges("from", "2026-13-01"), 400, "Bad Request", "bad-request")
                .body("errors[0].field", equalTo("from"))
                .body("detail", containsString("YYYY-MM-DD"));
        assertProblem(levelChanges("to", "yesterday"), 400, "Bad Request", "bad-request")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void fromAfterToIs400NamingBoth() {
        assertProblem(given().header("Authorization", bearer("hscp-dashboard"))
                .queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                .when().get("/api/v1/dashboard/level-changes").then(), 400, "Bad Request", "bad-request")
                .body("errors.field", org.hamcrest.Matchers.contains("from", "to"));
    }

    @Test
    void anUnknownIntervalIs400NamingIt() {
        assertProblem(levelChanges("interval", "fortnight"), 400, "Bad Request", "bad-request")
                .body("errors[0].field", equalTo("interval"))
                .body("detail", equalTo("interval must be week or month"));
    }

    @Test
    void aRangeOfMoreThan520BucketsIs400() {
        assertProblem(given().header("Authorization", bearer("hscp-dashboard"))
                .queryParam("from", "1900-01-01").queryParam("to", "2026-01-01")
                .when().get("/api/v1/dashboard/level-changes").then(), 400, "Bad Request", "bad-request");
    }

    @Test
    void anUnknownDashboardPathIs404ProblemJson() {
        assertProblem(given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/dashboard/children-by-name").then(), 404, "Not Found", "not-found");
    }

    private static io.restassured.response.ValidatableResponse levelChanges(String parameter, String value) {
        return given().header("Authorization", bearer("hscp-dashboard")).queryParam(parameter, value)
                .when().get("/api/v1/dashboard/level-changes").then();
    }
}
