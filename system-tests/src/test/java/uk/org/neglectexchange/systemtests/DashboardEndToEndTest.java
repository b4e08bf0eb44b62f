package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The dashboard end to end: a child registered and assessed through the gateway by real agency clients reaches
 * the partnership's dashboard through the assessment service's outbox and assessment-events, and no other's.
 */
@SystemTest
class DashboardEndToEndTest {

    @Test
    void anAssessmentCompletedThroughTheGatewayChangesThePartnershipsDashboard() {
        // the seeded HIOW edition has reached the assessment service (its codes validate observations)
        String edition = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .header("Authorization", bearer("hscp-health")).when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .extract().<String>path("find { it.code == 'HSCP' }.currentToolkitEdition.version"), notNullValue());
        // ... and the dashboard (toolkit-events reach the gateway too)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", bearer("hscp-dashboard")).when().get("/api/v1/dashboard/toolkit-review")
                .then().statusCode(200).body("family", equalTo("HIOW")).body("version", equalTo(edition))
                .body("status", equalTo("CURRENT")));
        Map<String, Integer> categories = counts("hscp-dashboard", "children-by-category");
        Map<String, Integer> levels = counts("hscp-dashboard", "children-by-level");
        Map<String, Integer> wsLevels = counts("wsscp-dashboard", "children-by-level");

        String childRef = as("hscp-health")
                .body(Map.of("givenName", "Dash", "familyName", "Board", "dateOfBirth", LocalDate.now().minusYears(2).toString()))
                .when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
        String assessment = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        as("hscp-health").body(contribution()).when().post("/api/v1/assessments/{id}/contributions", assessment)
                .then().statusCode(201);
        as("hscp-childrens-services").body(completion()).when().post("/api/v1/assessments/{id}/completion", assessment)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(plus(categories, "SEVERE_DEPRIVATION"),
                    counts("hscp-dashboard", "children-by-category"));
            assertEquals(plus(levels, "3"), counts("hscp-dashboard", "children-by-level"));
        });
        given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/dashboard/contributions-by-agency")
                .then().statusCode(200).body("counts.HEALTH", equalTo(1));
        assertEquals(wsLevels, counts("wsscp-dashboard", "children-by-level"));
    }

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-" + clientId)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> contribution() {
        Map<String, Object> body = new HashMap<>();
        body.put("observations", List.of(Map.of("indicatorCode", "HIOW.PHYSICAL_CARE.NUTRITION.0_4", "grade", 4,
                "note", "seen at home visit")));
        body.put("concerns", List.of("Food cupboard empty at two visits"));
        body.put("strengths", List.of("Mother asks for help"));
        body.put("evidence", List.of("Health visitor record of two visits"));
        body.put("purpose", "Multi-agency neglect assessment");
        body.put("lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        body.put("consent", "GIVEN");
        return body;
    }

    private static Map<String, Object> completion() {
        Map<String, Object> body = new HashMap<>();
        body.put("primaryCategory", "SEVERE_DEPRIVATION");
        body.put("otherCategories", List.of());
        body.put("thresholdLevel", 3);
        body.put("rationale", "Needs unmet at two visits; targeted early help agreed");
        body.put("strengths", List.of("Grandmother nearby and involved"));
        body.put("childsVoiceAbsentReason", "PRE_VERBAL");
        return body;
    }

    private static Map<String, Integer> counts(String client, String path) {
        return given().header("Authorization", bearer(client)).when().get("/api/v1/dashboard/" + path)
                .then().statusCode(200).extract().jsonPath().getMap("counts", String.class, Integer.class);
    }

    private static Map<String, Integer> plus(Map<String, Integer> counts, String key) {
        Map<String, Integer> expected = new HashMap<>(counts);
        expected.merge(key, 1, Integer::sum);
        return expected;
    }
}
