package uk.org.neglectexchange.assessment.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.util.Objects;

import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;

/**
 * Makes sure the service knows a HIOW edition with indicators of several age bands ({@link ToolkitEventSender#HIOW_INDICATORS})
 * as HSCP's and IOWSCP's current edition, by publishing one on the real toolkit-events topic when needed.
 */
public final class PublishedEditions {

    private static volatile String published;

    private PublishedEditions() {
    }

    /** The version of the current HIOW edition, published by this class. */
    public static synchronized String currentHiow() throws Exception {
        if (published != null && published.equals(currentVersion("HSCP"))) {
            return published;
        }
        String version = ToolkitEventSender.nextVersion(6);
        ToolkitEventSender.publishEdition(ToolkitEventSender.hiowEdition(version, ToolkitEventSender.now(), 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> Objects.equals(version, currentVersion("HSCP")));
        published = version;
        return version;
    }

    private static String currentVersion(String partnership) {
        return given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .extract().path("find { it.code == '" + partnership + "' }.currentToolkitEdition.version");
    }
}
