package uk.org.neglectexchange.escalation.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.util.UUID;

import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;

/**
 * Escalations need their partnership's procedure, which arrives with a published toolkit edition. The test database
 * starts empty, so the first test that raises one publishes HIOW (HSCP, IOWSCP) and WS (WSSCP) editions through the
 * real toolkit-events topic and waits until this service has taken them in.
 */
public final class KnownProcedures {

    private static volatile boolean published;

    private KnownProcedures() {
    }

    public static synchronized void ensure() throws Exception {
        if (published) {
            return;
        }
        String version = "7." + (System.currentTimeMillis() / 1000 % 1_000_000) + ".0";
        try (ToolkitEventSender sender = new ToolkitEventSender()) {
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.hiowEdition(version, ToolkitEventSender.now(), 10));
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.wsEdition(version, ToolkitEventSender.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-childrens-services"))
                .when().get("/api/v1/escalation-procedures")
                .then().statusCode(200)
                .body("partnership", hasItems("HSCP", "IOWSCP", "WSSCP")));
        published = true;
    }
}
