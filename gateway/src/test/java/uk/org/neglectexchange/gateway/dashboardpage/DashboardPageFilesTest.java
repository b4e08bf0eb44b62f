package uk.org.neglectexchange.gateway.dashboardpage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * The dashboard page and its libraries are served without a token (it signs the user in itself); the API it calls
 * is not. The page in a browser, against the whole suite: DashboardPageTest in system-tests.
 */
@QuarkusTest
class DashboardPageFilesTest {

    @Test
    void thePageAndItsLibrariesAreServedWithoutAToken() {
        given().when().get("/dashboard/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/webjars/chart.js/dist/chart.umd.min.js"))
                .body(containsString("/webjars/keycloak-js/dist/keycloak.min.js"))
                .body(not(containsString("https://"))); // nothing from a CDN
        given().when().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
        given().when().get("/webjars/keycloak-js/dist/keycloak.min.js").then().statusCode(200);
        given().when().get("/dashboard/dashboard.js").then().statusCode(200);
    }

    @Test
    void withoutTheTrailingSlashTheBrowserIsSentToThePage() {
        given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when().get("/dashboard")
                .then().statusCode(302).header("Location", endsWith("/dashboard/"));
    }

    @Test
    void keycloakJsIsToldThePublicClientAndTheRealm() {
        given().when().get("/dashboard/keycloak.json")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("realm", equalTo("neglect-exchange"))
                .body("resource", equalTo("dashboard-web"))
                .body("public-client", equalTo(true))
                .body("auth-server-url", equalTo(System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180")));
    }

    @Test
    void theApiThePageCallsStillNeedsAToken() {
        given().when().get("/api/v1/dashboard").then().statusCode(401);
        given().when().get("/api/v1/events/stream").then().statusCode(401);
    }
}
