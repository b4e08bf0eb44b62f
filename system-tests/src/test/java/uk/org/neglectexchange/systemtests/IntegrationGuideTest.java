package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;


/**
 * docs/integration-guide.md as an agency's integration engineer follows it: docs/check-integration-guide.sh runs every
 * bash block of the guide, in order, against this gateway and the three services, with real Keycloak tokens. Each
 * block checks the statuses it shows, so the guide fails here the day one of its commands stops working. Also saves
 * the suite's combined OpenAPI document, which docs/lint.sh lints.
 */
@SystemTest
class IntegrationGuideTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GUIDE_LOG = Path.of("target", "integration-guide.log").toAbsolutePath();
    static final Path COMBINED_OPENAPI = Path.of("target", "combined-openapi.json").toAbsolutePath();

    private final URL gateway;
    private final String realmUrl;

    IntegrationGuideTest(SuiteProcesses suite) {
        this.gateway = suite.url("/");
        this.realmUrl = suite.gatewayConfig().get("quarkus.oidc.auth-server-url");
    }

    @Test
    void everyCommandOfTheIntegrationGuideSucceeds() throws IOException, InterruptedException {
        // A reader meets an exchange that has been up a while. A suite started a moment ago is not ready until the
        // gateway's consumers have their partitions (the guide begins by asking), and learns its toolkit editions
        // from toolkit-events (the guide opens an assessment against one).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/partnerships")
                .then().statusCode(200).body("currentToolkitEdition", everyItem(notNullValue())));

        ProcessBuilder guide = new ProcessBuilder("bash", ROOT.resolve("docs/check-integration-guide.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(GUIDE_LOG.toFile());
        guide.environment().put("GATEWAY", gateway.toString().replaceAll("/$", ""));
        guide.environment().put("KEYCLOAK", realmUrl.replaceAll("/realms/[^/]+/?$", ""));
        Process run = guide.start();
        // a guard against a hung command, not a measure: the guide takes seconds
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        assertEquals(0, run.exitValue(), () -> "the integration guide failed against the suite; the end of "
                + GUIDE_LOG + ":\n" + tail(GUIDE_LOG, 60));
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

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
