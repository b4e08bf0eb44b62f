package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Public endpoints besides the OpenAPI document: readiness and the repository's docs/ folder. */
@QuarkusTest
class HealthAndStaticDocsTest {

    /** A file the build copies from the repository's docs/ folder, when that folder exists. */
    private static final String ASYNCAPI = "docs/asyncapi.yaml";

    @Test
    void readyWhileNoServiceIsRunning() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void docsNeedNoToken() {
        given().when().get("/" + ASYNCAPI).then().statusCode(not(equalTo(401)));
    }

    @Test
    void docsFolderIsServed() {
        URL copied = Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/" + ASYNCAPI);
        assumeTrue(copied != null, "the repository has no docs/asyncapi.yaml yet");
        given().when().get("/" + ASYNCAPI).then().statusCode(200);
    }
}
