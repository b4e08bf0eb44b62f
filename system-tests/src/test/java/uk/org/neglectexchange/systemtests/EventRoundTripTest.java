package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The whole suite, end to end: a toolkit edition published through the gateway travels through the toolkit
 * service's outbox and toolkit-events to the assessment and escalation services, and is visible through the gateway.
 */
@SystemTest
class EventRoundTripTest {

    private final java.net.URL gateway;

    EventRoundTripTest(SuiteProcesses suite) {
        this.gateway = suite.url("/");
    }

    @Test
    void anEditionPublishedThroughTheGatewayReachesTheOtherServices() {
        given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(ContentType.JSON)
                .body(Map.of("version", "1.1.0"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(201)
                .header("Location", equalTo(gateway.toString() + "api/v1/toolkits/HIOW/editions/1.1.0"));
        given().header("Authorization", bearer("hiow-toolkit-editor"))
                .when().post("/api/v1/toolkits/HIOW/editions/1.1.0/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", bearer("iowscp-police"))
                .when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .body("find { it.code == 'IOWSCP' }.currentToolkitEdition.version", equalTo("1.1.0"))
                .body("find { it.code == 'WSSCP' }.currentToolkitEdition.version", equalTo("1.0.0")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/escalation-procedures/HSCP")
                .then().statusCode(200)
                .body("toolkitVersion", equalTo("1.1.0"))
                .body("procedureCode", equalTo("HIPS_7_3")));
    }

    @Test
    void aChildRegisteredThroughTheGatewayIsVisibleOnlyToItsPartnership() {
        Map<String, String> child = Map.of("nhsNumber", "9990000018", "givenName", "Test", "familyName", "Gateway",
                "dateOfBirth", java.time.LocalDate.now().minusYears(2).toString());
        String location = given().header("Authorization", bearer("hscp-health")).header("X-Practitioner-Id", "hv-1")
                .contentType(ContentType.JSON).body(child)
                .when().post("/api/v1/children")
                .then().statusCode(201)
                .header("Location", startsWith(gateway.toString() + "api/v1/children/CH-"))
                .extract().header("Location");
        // another agency states why it reads, and on what lawful basis
        given().header("Authorization", bearer("hscp-education")).header("X-Purpose", "SAFEGUARDING")
                .header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN").header("X-Consent", "GIVEN")
                .when().get(location)
                .then().statusCode(200).body("leadAgency", equalTo("HEALTH")).body("identity", nullValue());
        given().header("Authorization", bearer("wsscp-childrens-services"))
                .when().get(location)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusalsFromEveryLayerArriveAsProblemJson() {
        given().when().get("/api/v1/partnerships")
                .then().statusCode(401).contentType("application/problem+json");
        // the gateway lets any valid token through; the service knows the dashboard client may not read the toolkit
        given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/toolkits/HIOW/editions/current")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/NOPE/editions/current")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No toolkit family"));
    }
}
