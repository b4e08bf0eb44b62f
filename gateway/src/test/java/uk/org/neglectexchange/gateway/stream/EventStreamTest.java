package uk.org.neglectexchange.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import javax.sql.DataSource;
import uk.org.neglectexchange.platform.testsupport.events.SseClient;

/**
 * The event stream against real Kafka, PostgreSQL and Keycloak: CloudEvents produced to the test topics with a plain
 * producer, read back as server-sent events with real dashboard tokens.
 */
@QuarkusTest
class EventStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/events/stream")
    URL stream;

    @Inject
    DataSource db;

    private SseClient open(String clientId, Map<String, String> headers) {
        return SseClient.open(URI.create(stream.toString()), bearer(clientId), headers);
    }

    private SseClient open(String clientId) {
        return open(clientId, Map.of());
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().when().get("/api/v1/events/stream")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void withoutRoleDashboardIsForbidden() {
        given().header("Authorization", bearer("hscp-health")).when().get("/api/v1/events/stream")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Forbidden")).body("status", equalTo(403));
    }

    @Test
    void malformedTypesAreABadRequest() {
        given().header("Authorization", bearer("hscp-dashboard")).queryParam("types", "drift.detected,Not A Type")
                .when().get("/api/v1/events/stream")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void streamOpensWithRetryAndSendsHeartbeats() {
        try (SseClient client = open("hscp-dashboard")) {
            assertEquals(200, client.status());
            assertTrue(client.response().headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            await().atMost(PATIENCE).until(() -> client.lines().contains(": heartbeat"));
            assertEquals("retry: 3000", client.lines().getFirst());
        }
    }

    @Test
    void eachPartnershipSeesOnlyItsOwnEventsWithTheCloudEventIdAsId() throws IOException {
        String childRef = TestEvents.childRef();
        try (SseClient hscp = open("hscp-dashboard"); SseClient wsscp = open("wsscp-dashboard")) {
            awaitLive(hscp, wsscp);
            // one key, one partition: the WSSCP event is journalled before the HSCP one
            String wsscpEvent = TestEvents.sendDrift("WSSCP", childRef);
            String hscpEvent = TestEvents.sendDrift("HSCP", childRef);

            await().atMost(PATIENCE).until(() -> hscp.received(hscpEvent) && wsscp.received(wsscpEvent));
            assertFalse(hscp.received(wsscpEvent), "an HSCP dashboard saw a WSSCP event");
            assertFalse(wsscp.received(hscpEvent), "a WSSCP dashboard saw an HSCP event");

            SseClient.Message message = hscp.messages(m -> hscpEvent.equals(m.id())).getFirst();
            assertEquals("drift.detected", message.event());
            JsonNode envelope = JSON.readTree(message.data());
            assertEquals(hscpEvent, envelope.get("id").asText());
            assertEquals("drift.detected", envelope.get("type").asText());
            assertEquals("/neglect-exchange/escalation-service", envelope.get("source").asText());
            assertEquals(childRef, envelope.get("subject").asText());
            assertEquals("HSCP", envelope.get("partnership").asText());
            assertTrue(envelope.get("time").asText().endsWith("Z"));
            assertEquals(childRef, envelope.get("data").get("childRef").asText());
            assertEquals("D4", envelope.get("data").get("rule").asText());
        }
    }

    @Test
    void aTransferIsSeenByBothPartnerships() {
        String childRef = TestEvents.childRef();
        String transfer = UUID.randomUUID().toString();
        try (SseClient hscp = open("hscp-dashboard"); SseClient iowscp = open("iowscp-dashboard");
                SseClient wsscp = open("wsscp-dashboard")) {
            awaitLive(hscp, iowscp, wsscp);
            TestEvents.send("assessment-events", transfer, "child.transferred", "/neglect-exchange/assessment-service",
                    childRef, "IOWSCP", TestEvents.childTransferred(childRef, "HSCP", "IOWSCP"));
            String wsscpMarker = TestEvents.sendDrift("WSSCP", TestEvents.childRef());

            await().atMost(PATIENCE).until(() -> hscp.received(transfer) && iowscp.received(transfer)
                    && wsscp.received(wsscpMarker));
            // the marker was journalled after the transfer was, so a leaked transfer would have arrived first
            assertFalse(wsscp.received(transfer));
        }
    }

    @Test
    void reconnectingWithLastEventIdMissesNothingStillRetained() {
        String childRef = TestEvents.childRef();
        String first = TestEvents.sendDrift("HSCP", childRef);
        String lastSeen;
        try (SseClient client = open("hscp-dashboard")) {
            awaitLive(client);
            String second = TestEvents.sendDrift("HSCP", childRef);
            await().atMost(PATIENCE).until(() -> client.received(second));
            lastSeen = second;
        }
        // while nobody listens
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(TestEvents.sendDrift("HSCP", childRef));
        }
        String otherPartnership = TestEvents.sendDrift("WSSCP", childRef);
        awaitJournalled(missed.getLast());

        try (SseClient header = open("hscp-dashboard", Map.of("Last-Event-ID", lastSeen));
                SseClient query = SseClient.open(URI.create(stream + "?lastEventId=" + lastSeen),
                        bearer("hscp-dashboard"), Map.of())) {
            for (SseClient client : List.of(header, query)) {
                await().atMost(PATIENCE).until(() -> client.received(missed.getLast()));
                List<String> replayed = client.messages().stream().map(SseClient.Message::id).filter(missed::contains).toList();
                assertEquals(missed, replayed, "replayed in order, each once");
                assertFalse(client.received(first));
                assertFalse(client.received(lastSeen));
                assertFalse(client.received(otherPartnership));
            }
            String live = TestEvents.sendDrift("HSCP", childRef);
            await().atMost(PATIENCE).until(() -> header.received(live) && query.received(live));
        }
    }

    @Test
    void anUnknownLastEventIdStartsLiveWithAComment() {
        try (SseClient client = open("hscp-dashboard", Map.of("Last-Event-ID", UUID.randomUUID().toString()))) {
            await().atMost(PATIENCE).until(() -> client.lines().contains(": unknown Last-Event-ID, starting live"));
            String live = TestEvents.sendDrift("HSCP", TestEvents.childRef());
            await().atMost(PATIENCE).until(() -> client.received(live));
        }
    }

    @Test
    void theTypesParameterFiltersByType() {
        String childRef = TestEvents.childRef();
        String transfer = UUID.randomUUID().toString();
        try (SseClient client = SseClient.open(URI.create(stream + "?types=child.transferred"), bearer("hscp-dashboard"),
                Map.of())) {
            awaitLive(client);
            String drift = TestEvents.sendDrift("HSCP", childRef);
            TestEvents.send("assessment-events", transfer, "child.transferred", "/neglect-exchange/assessment-service",
                    childRef, "WSSCP", TestEvents.childTransferred(childRef, "HSCP", "WSSCP"));
            await().atMost(PATIENCE).until(() -> client.received(transfer));
            awaitJournalled(drift);
            assertFalse(client.received(drift));
            assertTrue(client.messages().stream().allMatch(m -> "child.transferred".equals(m.event())));
        }
    }

    @Test
    void anEventDeliveredTwiceIsRelayedOnce() {
        String childRef = TestEvents.childRef();
        String id = UUID.randomUUID().toString();
        String data = TestEvents.driftDetected("HSCP", childRef, 1);
        try (SseClient client = open("hscp-dashboard")) {
            awaitLive(client);
            TestEvents.send("escalation-events", id, "drift.detected", "/neglect-exchange/escalation-service", childRef, "HSCP", data);
            TestEvents.send("escalation-events", id, "drift.detected", "/neglect-exchange/escalation-service", childRef, "HSCP", data);
            String after = TestEvents.sendDrift("HSCP", childRef);
            await().atMost(PATIENCE).until(() -> client.received(after));
            assertEquals(1, client.messages(m -> id.equals(m.id())).size());
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndIsNotRelayed() throws SQLException {
        String childRef = TestEvents.childRef();
        String poison = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = dlq.partitionsFor(TestEvents.topic("escalation-events.dlq")).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            dlq.assign(partitions);
            dlq.seekToEnd(partitions);
            partitions.forEach(dlq::position);

            TestEvents.send("escalation-events", poison, "drift.detected", "/neglect-exchange/escalation-service", childRef,
                    "HSCP", "{\"rule\":\"D4\",\"partnership\":\"HSCP\"}");
            List<String> reasons = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : dlq.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    Header reason = record.headers().lastHeader("dead-letter-reason");
                    if (id != null && poison.equals(new String(id.value(), StandardCharsets.UTF_8)) && reason != null) {
                        reasons.add(new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                // both of the gateway's consumer groups refuse it, and each reason says which one
                return reasons.stream().anyMatch(r -> r.startsWith("dashboard: "))
                        && reasons.stream().anyMatch(r -> r.startsWith("event stream: "));
            });
            assertTrue(reasons.stream().allMatch(r -> r.contains("drift.detected breaks its schema")), reasons.toString());
        }
        String after = TestEvents.sendDrift("HSCP", childRef);
        awaitJournalled(after);
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from stream_journal where event_id = ?")) {
            query.setObject(1, UUID.fromString(poison));
            assertFalse(query.executeQuery().next());
        }
    }

    /**
     * A client that never reads fills its socket, then its bounded buffer (nx.stream.client-buffer, 50 in tests), and
     * is disconnected; a client reading alongside it receives every event.
     */
    @Test
    void aClientThatDoesNotReadIsDisconnectedWhileOthersKeepReceiving() throws IOException {
        String childRef = TestEvents.childRef();
        int events = 300;
        try (Socket slow = new Socket(); SseClient fast = open("hscp-dashboard")) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + "\r\nAuthorization: "
                    + bearer("hscp-dashboard") + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            awaitLive(fast);

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = UUID.randomUUID().toString();
                // about 20 kB each: the slow client's socket and buffer fill after a few dozen
                TestEvents.send("escalation-events", id, "drift.detected", "/neglect-exchange/escalation-service",
                        childRef, "HSCP", TestEvents.driftDetected("HSCP", childRef, 150));
                sent.add(id);
            }
            await().atMost(PATIENCE).until(() -> fast.received(sent.getLast()));
            assertEquals(sent, fast.messages().stream().map(SseClient.Message::id).filter(sent::contains).toList());
            assertFalse(fast.ended());

            // now read what the slow client was sent: the gateway ended its connection before the last event
            slow.setSoTimeout((int) PATIENCE.toMillis());
            String received = new String(readToEnd(slow.getInputStream()), StandardCharsets.UTF_8);
            assertTrue(received.startsWith("HTTP/1.1 200"));
            assertFalse(received.contains(sent.getLast()), "the slow client was not disconnected");
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    /** The gateway writes retry: once the client is subscribed, so what the test sends next reaches it live. */
    private static void awaitLive(SseClient... clients) {
        for (SseClient client : clients) {
            await().atMost(PATIENCE).until(() -> client.lines().contains("retry: 3000"));
        }
    }

    private void awaitJournalled(String eventId) {
        await().atMost(PATIENCE).until(() -> {
            try (Connection connection = db.getConnection();
                    PreparedStatement query = connection.prepareStatement("select 1 from stream_journal where event_id = ?")) {
                query.setObject(1, UUID.fromString(eventId));
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }
}
