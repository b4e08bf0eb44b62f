package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Markdown documents' bash blocks against the suite with docs/check-integration-guide.sh, as a reader would: each
 * block checks the statuses it shows, so a document fails here the day one of its commands stops working.
 */
final class DocumentCheck {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private DocumentCheck() {
    }

    /** Runs {@code documents} in order in one shell; fails with the end of {@code log} when a block fails. */
    static void run(SuiteProcesses suite, Path log, List<Path> documents) throws IOException, InterruptedException {
        awaitAnExchangeThatHasBeenUpAWhile();
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("docs/check-integration-guide.sh").toString()));
        documents.forEach(document -> command.add(ROOT.resolve(document).toString()));
        ProcessBuilder check = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        check.environment().put("GATEWAY", suite.url("/").toString().replaceAll("/$", ""));
        check.environment().put("KEYCLOAK",
                suite.gatewayConfig().get("quarkus.oidc.auth-server-url").replaceAll("/realms/[^/]+/?$", ""));
        Process run = check.start();
        // a guard against a hung command, not a measure: a document takes seconds
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        assertEquals(0, run.waitFor(), () -> documents + " failed against the suite; the end of " + log + ":\n"
                + tail(log, 60));
    }

    /**
     * A suite started a moment ago is not ready until the gateway's consumers have their partitions, and learns its
     * toolkit editions from toolkit-events (documents open assessments against one).
     */
    private static void awaitAnExchangeThatHasBeenUpAWhile() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/partnerships")
                .then().statusCode(200).body("currentToolkitEdition", everyItem(notNullValue())));
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
