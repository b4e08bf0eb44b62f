package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.testsupport.events.SseClient;

/**
 * Who is told what, through the real services: the events the assessment and escalation services publish reach the
 * right agencies' feeds (and the lead agency's stream) through the gateway's rules, and no other agency's, least of
 * all another partnership's. Rule by rule the unit tests in gateway/notification/rules say the same.
 */
@SystemTest
class NotificationRulesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URL feedStream;

    NotificationRulesEndToEndTest(SuiteProcesses suite) {
        this.feedStream = suite.url("/api/v1/notifications/stream");
    }

    private static RequestSpecification as(String client) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "p-notify")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Purpose", "SAFEGUARDING")
                .header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN").header("X-Consent", "NOT_SOUGHT")
                .header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION").contentType(ContentType.JSON);
    }

    /** The client's notifications about the child (subject, or childRef in their data). */
    private static List<JsonNode> told(String client, String childRef) {
        JsonNode page = JSON.valueToTree(as(client).when().get("/api/v1/notifications?limit=500")
                .then().statusCode(200).extract().as(Map.class));
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(n -> childRef.equals(n.path("data").path("childRef").asText())).toList();
    }

    private static JsonNode awaitTold(String client, String childRef, String type) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> told(client, childRef).stream()
                .filter(n -> type.equals(n.path("type").asText())).findFirst().orElse(null), found -> found != null);
    }

    @Test
    void eachAgencyIsToldWhatConcernsItAndNoOtherIs() throws Exception {
        try (SseClient leadStream = SseClient.open(URI.create(feedStream.toString()), bearer("hscp-health"), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> leadStream.lines().contains("retry: 3000"));
            // a seven-year-old registered by the health visitor: health is the lead agency
            String childRef = as("hscp-health").body(Map.of("givenName", "Told", "familyName", "Test",
                    "dateOfBirth", LocalDate.now().minusYears(7).toString()))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");

            // CP-IS: the police read the record, the lead agency hears of it at once
            as("hscp-police").when().get("/api/v1/children/" + childRef).then().statusCode(200);
            JsonNode accessed = awaitTold("hscp-health", childRef, "child.record-accessed");
            assertEquals("POLICE", accessed.path("data").path("accessingAgency").asText());
            assertEquals("RECORD", accessed.path("data").path("resource").asText());
            assertEquals("LEAD_AGENCY", accessed.path("data").path("reason").asText());
            String accessedId = accessed.path("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> leadStream.received(accessedId));

            // Operation Encompass: police at a domestic-abuse incident; the school hears before the next school day
            as("hscp-police").body(Map.of("type", "POLICE_ATTENDANCE", "incidentType", "DOMESTIC_ABUSE",
                    "occurredOn", LocalDate.now().toString(), "summary", "Attended a domestic incident at the home"))
                    .when().post("/api/v1/children/" + childRef + "/chronology").then().statusCode(201);
            JsonNode encompass = awaitTold("hscp-education", childRef, "encompass.incident");
            OffsetDateTime actBy = OffsetDateTime.parse(encompass.path("data").path("actBy").asText());
            assertTrue(actBy.isAfter(OffsetDateTime.now()), "act by the start of the next school day: " + actBy);
            assertFalse(encompass.toString().contains("domestic incident"), "never the police narrative");
            // the lead agency, involved since it registered the child, is told of the entry: type, date, agency only
            JsonNode entry = awaitTold("hscp-health", childRef, "chronology.entry-added");
            assertEquals("POLICE", entry.path("data").path("agency").asText());
            assertFalse(entry.path("data").has("incidentType"));
            assertFalse(entry.toString().contains("domestic incident"));

            // an escalation names the police: they are told
            // (a fresh suite may still be reading the partnerships' procedures from the toolkit: until then, a 4xx/503)
            await().atMost(Duration.ofSeconds(60)).until(() -> as("hscp-health").body(Map.of("childRef", childRef,
                    "otherAgency", "POLICE", "disagreement", "No referral after the incident", "currentRisk", "HIGH"))
                    .when().post("/api/v1/escalations").then().extract().statusCode() == 201);
            assertEquals("NAMED_AGENCY", awaitTold("hscp-police", childRef, "escalation.raised").path("data")
                    .path("reason").asText());

            // nobody else: the school is not involved with the child beyond Encompass, police did the acts they
            // would be told of, and another partnership hears nothing at all
            assertTrue(told("hscp-education", childRef).stream().allMatch(n -> "encompass.incident".equals(n.path("type").asText())));
            assertTrue(told("hscp-police", childRef).stream().noneMatch(n -> "chronology.entry-added".equals(n.path("type").asText())));
            for (String other : List.of("wsscp-health", "wsscp-education", "wsscp-police", "iowscp-education")) {
                assertTrue(told(other, childRef).isEmpty(), other + " heard of another partnership's child");
            }
        }
    }
}
