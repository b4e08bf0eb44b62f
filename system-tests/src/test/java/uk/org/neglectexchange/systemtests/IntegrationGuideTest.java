package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/integration-guide.md as an agency's integration engineer follows it: docs/check-integration-guide.sh runs every
 * bash block of the guide, in order, against this gateway and the three services, with real Keycloak tokens. Each
 * block checks the statuses it shows, so the guide fails here the day one of its commands stops working. Also saves
 * the suite's combined OpenAPI document, which docs/lint.sh lints.
 */
@SystemTest
class IntegrationGuideTest {

    private static final Path GUIDE_LOG = Path.of("target", "integration-guide.log").toAbsolutePath();
    static final Path COMBINED_OPENAPI = Path.of("target", "combined-openapi.json").toAbsolutePath();

    private final SuiteProcesses suite;

    IntegrationGuideTest(SuiteProcesses suite) {
        this.suite = suite;
    }

    @Test
    void everyCommandOfTheIntegrationGuideSucceeds() throws IOException, InterruptedException {
        DocumentCheck.run(suite, GUIDE_LOG, List.of(Path.of("docs/integration-guide.md")));
    }

    @Test
    void theCombinedOpenApiDocumentCoversEveryServiceAndIsSavedForTheLinter() throws IOException {
        String document = given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("'x-unavailable-services'", nullValue())
                .body("paths", hasKey("/api/v1/toolkits/{family}/editions"))
                .body("paths", hasKey("/api/v1/children"))
                .body("paths", hasKey("/api/v1/escalations"))
                .extract().asString();
        Files.writeString(COMBINED_OPENAPI, document);
    }
}
