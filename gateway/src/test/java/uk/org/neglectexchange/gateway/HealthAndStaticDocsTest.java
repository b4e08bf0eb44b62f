package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Public endpoints besides the OpenAPI document: readiness and the repository's docs/ folder. */
@QuarkusTest
class HealthAndStaticDocsTest {

    /** A file the build copies from the repository's docs/ folder. */
    private static final String ASYNCAPI = "docs/asyncapi.yaml";

    @Test
    void readyWhileNoServiceIsRunning() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theEventContractsAreServedWithoutAToken() {
        given().when().get("/" + ASYNCAPI).then().statusCode(200).body(containsString("asyncapi: 3.1.0"));
        given().when().get("/docs/events/child.registered.json")
                .then().statusCode(200).body("title", equalTo("child.registered"));
    }
}
