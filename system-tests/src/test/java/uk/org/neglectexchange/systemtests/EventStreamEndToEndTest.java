package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import uk.org.neglectexchange.platform.testsupport.events.SseClient;

/**
 * The event stream end to end: a chronology entry posted through the gateway to the assessment service leaves its
 * outbox as chronology.entry-added and reaches an HSCP dashboard connected to the gateway's stream, and no other.
 */
@SystemTest
class EventStreamEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URL stream;

    EventStreamEndToEndTest(SuiteProcesses suite) {
        this.stream = suite.url("/api/v1/events/stream");
    }

    @Test
    void aChronologyEntryPostedThroughTheGatewayArrivesOnTheDashboardStream() throws IOException {
        try (SseClient hscp = SseClient.open(URI.create(stream.toString()), bearer("hscp-dashboard"), Map.of());
                SseClient wsscp = SseClient.open(URI.create(stream.toString()), bearer("wsscp-dashboard"), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> hscp.lines().contains("retry: 3000")
                    && wsscp.lines().contains("retry: 3000"));

            String childRef = given().header("Authorization", bearer("hscp-childrens-services"))
                    .header("X-Practitioner-Id", "sw-1").header("Idempotency-Key", "child-" + UUID.randomUUID())
                    .contentType(ContentType.JSON)
                    .body(Map.of("nhsNumber", "9990000034", "givenName", "Test", "familyName", "Stream",
                            "dateOfBirth", LocalDate.now().minusYears(4).toString()))
                    .when().post("/api/v1/children")
                    .then().statusCode(201).extract().path("childRef");
            String entryId = given().header("Authorization", bearer("hscp-childrens-services"))
                    .header("X-Practitioner-Id", "sw-1").header("Idempotency-Key", "entry-" + UUID.randomUUID())
                    .contentType(ContentType.JSON)
                    .body(Map.of("type", "CONCERN", "occurredOn", LocalDate.now().minusDays(1).toString(),
                            "summary", "Came to school hungry"))
                    .when().post("/api/v1/children/{ref}/chronology", childRef)
                    .then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(60)).until(() -> !hscp.messages(m -> isEntry(m, entryId)).isEmpty());
            SseClient.Message message = hscp.messages(m -> isEntry(m, entryId)).getFirst();
            JsonNode envelope = JSON.readTree(message.data());
            assertEquals(message.id(), envelope.get("id").asText());
            assertEquals("/neglect-exchange/assessment-service", envelope.get("source").asText());
            assertEquals("HSCP", envelope.get("partnership").asText());
            assertEquals(childRef, envelope.get("data").get("childRef").asText());
            assertEquals("CHILDRENS_SERVICES", envelope.get("data").get("agency").asText());
            assertFalse(message.data().contains("hungry"), "the summary stays in the assessment service");
            // the registration was journalled before the entry, so the HSCP client also saw it
            assertFalse(hscp.messages(m -> "child.registered".equals(m.event()) && m.data().contains(childRef)).isEmpty());
            assertFalse(wsscp.messages().stream().anyMatch(m -> m.data().contains(childRef)));
        }
    }

    private static boolean isEntry(SseClient.Message message, String entryId) {
        return "chronology.entry-added".equals(message.event()) && message.data().contains(entryId);
    }
}
