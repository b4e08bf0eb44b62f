package uk.org.neglectexchange.systemtests.webhooks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.org.neglectexchange.platform.testsupport.TestNhsNumbers;
import uk.org.neglectexchange.systemtests.GatewayProfile;
import uk.org.neglectexchange.systemtests.SuiteProcesses;
import uk.org.neglectexchange.systemtests.SystemTest;

/**
 * Webhooks through the whole suite: the three services and the gateway as processes ({@link SystemTest}, one suite for
 * both tests), an agency's receiver ({@link WebhookReceiver}, on loopback, verifying every signature) subscribed to
 * {@code chronology.entry-added} through the gateway, and another agency of the partnership writing to the children the
 * subscriber registered (so it is involved with them and told of every entry). What must arrive is what the
 * subscriber's own feed ({@code GET /api/v1/notifications}) holds about those children, and the feed must hold one
 * notification per entry acknowledged. After deduplication by {@code webhook-id}, as Standard Webhooks asks of a
 * receiver, every notification must have arrived once, under one webhook-id, and once the gateway has no delivery
 * pending, it must list one DELIVERED delivery per notification:
 * <ul>
 * <li>the receiver down for two minutes while writes go on at 2/s, then up: the retries bring everything;
 * <li>the gateway killed with kill -9 while a slow receiver (2 s per answer) holds deliveries, then started again: the
 * deliveries it had claimed are sent again once their lease runs out, under the same webhook-id.
 * </ul>
 * The gateway's retry schedule is short ({@link #RETRY_SCHEDULE}, 3 min 8 s in all, so a delivery first tried as the
 * receiver goes down is still tried after two minutes), and a killed consumer leaves its group after 10 s, not 45.
 * An *IT (failsafe, after the *Test classes): it takes some five minutes. Figures go to the output and
 * target/webhooks-report.txt.
 */
@SystemTest(gateway = WebhookDeliveryIT.ShortRetries.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryIT {

    static final String RETRY_SCHEDULE = "1s,2s,5s,10s,20s,30s,30s,30s,30s,30s";
    private static final Duration RECEIVER_DOWN = Duration.ofMinutes(2);
    private static final Path REPORT = Path.of("target", "webhooks-report.txt");
    private static final String TYPE = "chronology.entry-added";
    /** Writes to the subscriber's children: another agency of the same partnership. */
    private static final String WRITER = "hscp-education";

    /** The gateway's settings for webhooks to the tests' loopback receivers, retried within minutes. */
    public static class ShortRetries extends GatewayProfile {
        @Override
        public Map<String, String> overrides() {
            return Map.of("nx.notifications.webhooks.retry-schedule", RETRY_SCHEDULE,
                    "nx.notifications.webhooks.allow-plain-http", "true",
                    "nx.notifications.webhooks.allowed-networks", "127.0.0.0/8",
                    // the killed gateway's consumers leave their groups after 10 s, so the restarted one resumes soon
                    "kafka.session.timeout.ms", "10000");
        }
    }

    /** Started in the second test, stopped after the class (the suite stops its own processes). */
    private static GatewayRestart restart;

    private final SuiteProcesses suite;

    WebhookDeliveryIT(SuiteProcesses suite) {
        this.suite = suite;
    }

    @BeforeAll
    static void freshReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopRestartedGateway() {
        if (restart != null) {
            restart.close();
        }
    }

    @Test
    @Order(1)
    void aReceiverDownForTwoMinutesGetsEveryNotificationOnceWhenItIsBack() throws Exception {
        String subscriber = "hscp-health";
        long t0 = System.nanoTime();
        try (WebhookReceiver receiver = new WebhookReceiver(Duration.ZERO)) {
            String subscription = subscribe(subscriber, receiver);
            Set<String> children = register(subscriber, 3);
            Set<String> written;
            Map<String, Integer> refused;
            int beforeDown;
            int writtenBeforeDown;
            try (ChronologyWriter writer = new ChronologyWriter(suite.gatewayUrl(), WRITER, List.copyOf(children), 2)) {
                writer.start();
                await("the first webhooks").atMost(Duration.ofSeconds(90)).until(() -> receiver.received().size() >= 5);
                receiver.down();
                beforeDown = receiver.received().size();
                writtenBeforeDown = writer.acknowledged().size();
                Thread.sleep(RECEIVER_DOWN.toMillis()); // the scenario: the receiver stays down for two minutes
                int writtenWhileDown = writer.acknowledged().size() - writtenBeforeDown;
                assertTrue(writtenWhileDown >= 100, "writes went on while the receiver was down: " + writtenWhileDown);
                receiver.up();
                int atUp = writer.acknowledged().size();
                await("writes after the receiver is back").atMost(Duration.ofSeconds(60))
                        .until(() -> writer.acknowledged().size() >= atUp + 10);
                writer.stop();
                await("the last writes answered").atMost(Duration.ofSeconds(30)).until(() -> writer.inFlight() == 0);
                written = writer.acknowledged();
                refused = writer.refused();
            }

            Map<String, String> expected = awaitFeed(subscriber, children, written);
            await("every notification of the feed at the receiver").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> receiver.webhookIdsByEvent().keySet().containsAll(expected.keySet()));
            List<Map<String, Object>> deliveries = awaitSettled(subscriber, subscription);
            long retried = deliveries.stream().filter(d -> ((Number) d.get("attempts")).intValue() > 1).count();
            report(String.format("receiver down for %d s: %d writes (%d before it went down), %d notifications in %s's"
                    + " feed, %d requests received (%d before it went down), %d distinct webhook-ids, %d repeats;"
                    + " %d of %d deliveries took more than one attempt, at most %d; writes refused %s; %.1f s in all",
                    RECEIVER_DOWN.toSeconds(), written.size(), writtenBeforeDown, expected.size(), subscriber,
                    receiver.received().size(), beforeDown, receiver.received().stream().map(WebhookReceiver.Received::webhookId)
                            .distinct().count(), receiver.duplicates(), retried, deliveries.size(),
                    deliveries.stream().mapToInt(d -> ((Number) d.get("attempts")).intValue()).max().orElse(0), refused,
                    (System.nanoTime() - t0) / 1e9));

            assertEverythingOnce(receiver, expected);
            assertDelivered(deliveries, expected);
            assertTrue(retried > 0, "the outage made deliveries fail and be tried again");
            unsubscribe(subscriber, subscription);
        }
    }

    @Test
    @Order(2)
    void aGatewayKilledMidDeliveryLosesNothingAndRepeatsOnlyUnderTheSameWebhookId() throws Exception {
        String subscriber = "hscp-police";
        long t0 = System.nanoTime();
        try (WebhookReceiver slow = new WebhookReceiver(Duration.ofSeconds(2))) {
            String subscription = subscribe(subscriber, slow);
            Set<String> children = register(subscriber, 3);
            int inFlightAtKill;
            long killedAt;
            Set<String> written = new TreeSet<>();
            try (ChronologyWriter writer = new ChronologyWriter(suite.gatewayUrl(), WRITER, List.copyOf(children), 3)) {
                writer.start();
                // deliveries the receiver has read and not yet answered: the gateway has sent them and awaits the answer
                await("deliveries in flight at the slow receiver").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20)).until(() -> slow.received().size() >= 6 && slow.answering() >= 2);
                inFlightAtKill = slow.answering();
                restart = new GatewayRestart(suite, Map.of("NX_WEBHOOKS_ALLOW_PLAIN_HTTP", "true",
                        "NX_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8", "NX_WEBHOOKS_RETRY_SCHEDULE", RETRY_SCHEDULE));
                restart.kill();
                killedAt = System.nanoTime();
                writer.stop();
                await("the writes under way at the kill ended").atMost(Duration.ofSeconds(30))
                        .until(() -> writer.inFlight() == 0);
                written.addAll(writer.acknowledged());
            }
            int receivedBeforeRestart = slow.received().size();
            restart.start();
            double down = (System.nanoTime() - killedAt) / 1e9;
            // the restarted gateway takes new work too
            try (ChronologyWriter writer = new ChronologyWriter(suite.gatewayUrl(), WRITER, List.copyOf(children), 2)) {
                writer.start();
                await("writes through the restarted gateway").atMost(Duration.ofSeconds(60))
                        .until(() -> writer.acknowledged().size() >= 6);
                writer.stop();
                await("the last writes answered").atMost(Duration.ofSeconds(30)).until(() -> writer.inFlight() == 0);
                written.addAll(writer.acknowledged());
            }

            Map<String, String> expected = awaitFeed(subscriber, children, written);
            // the deliveries the killed gateway had claimed are leased for 60 s from their claim
            await("every notification of the feed at the receiver").atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> slow.webhookIdsByEvent().keySet().containsAll(expected.keySet()));
            List<Map<String, Object>> deliveries = awaitSettled(subscriber, subscription);
            report(String.format("gateway killed with %d deliveries in flight at a receiver answering after 2 s, ready"
                    + " again %.1f s later: %d writes acknowledged, %d notifications in %s's feed (every answered entry"
                    + " among them), %d requests received (%d before the restart), %d repeats of a webhook-id %s;"
                    + " deliveries by attempts %s; %.1f s in all", inFlightAtKill, down, written.size(), expected.size(),
                    subscriber, slow.received().size(), receivedBeforeRestart, slow.duplicates(), slow.repeats(),
                    deliveries.stream().collect(Collectors.groupingBy(d -> d.get("attempts"), java.util.TreeMap::new,
                            Collectors.counting())), (System.nanoTime() - t0) / 1e9));

            assertEverythingOnce(slow, expected);
            assertDelivered(deliveries, expected);
            assertTrue(slow.duplicates() > 0, "the deliveries in flight when the gateway was killed were sent again under"
                    + " their webhook-id (" + inFlightAtKill + " in flight)");
            unsubscribe(subscriber, subscription);
        }
    }

    // ---------------------------------------------------------------- what arrived against the feed

    /**
     * Every notification of the feed arrived, under one webhook-id each, nothing else of the kind arrived, and every
     * request was signed right; repeats of a webhook-id (the same delivery sent again) are what deduplication drops.
     */
    private static void assertEverythingOnce(WebhookReceiver receiver, Map<String, String> expected) {
        Map<String, Set<String>> byEvent = receiver.webhookIdsByEvent();
        assertEquals(0, receiver.signatureFailures(), "requests whose signature did not verify");
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(byEvent.keySet()),
                "the notifications received, against the subscriber's feed");
        Map<String, Set<String>> underSeveralIds = byEvent.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), underSeveralIds, "notifications that arrived under more than one webhook-id: a receiver"
                + " deduplicating by webhook-id would have taken them twice");
        assertTrue(receiver.received().stream().allMatch(r -> TYPE.equals(r.type())), "only the subscribed type");
    }

    /** The gateway's own account: one delivery per notification, each DELIVERED. */
    private static void assertDelivered(List<Map<String, Object>> deliveries, Map<String, String> expected) {
        Map<Object, Long> byStatus = deliveries.stream().collect(Collectors.groupingBy(d -> d.get("status"),
                java.util.TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("DELIVERED", (long) expected.size()), byStatus, "the subscription's deliveries by status");
    }

    /**
     * The subscription's deliveries once none is PENDING any more: sent, answered and recorded (a delivery the
     * killed gateway had claimed is PENDING under its lease until it is sent again).
     */
    private static List<Map<String, Object>> awaitSettled(String client, String subscription) {
        return await("no delivery of the subscription pending").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveries(client, subscription),
                        all -> all.stream().noneMatch(d -> "PENDING".equals(d.get("status"))));
    }

    /**
     * The subscriber's feed about these children, once it holds a notification for every acknowledged entry: CloudEvent
     * id → entry id. An entry whose answer was lost (the gateway killed) may be there as well.
     */
    private Map<String, String> awaitFeed(String subscriber, Set<String> children, Set<String> acknowledged) {
        return await("a notification in the feed for every acknowledged entry").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> feed(subscriber, children), feed -> feed.values().containsAll(acknowledged));
    }

    private static Map<String, String> feed(String client, Set<String> children) {
        Map<String, String> entries = new HashMap<>();
        String after = null;
        while (true) {
            var request = given().header("Authorization", bearer(client)).queryParam("limit", 500);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return entries;
            }
            for (Map<String, Object> item : items) {
                if (TYPE.equals(item.get("type")) && children.contains(item.get("subject"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) item.get("data");
                    entries.put((String) item.get("id"), (String) data.get("entryId"));
                }
            }
            after = page.getString("nextCursor");
        }
    }

    // ---------------------------------------------------------------- set-up

    private static String subscribe(String client, WebhookReceiver receiver) {
        JsonPath created = given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "webhooks-it")
                .header("Idempotency-Key", "subscribe-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "types", List.of(TYPE)))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        receiver.secret(created.getString("secret"));
        return created.getString("id");
    }

    private static void unsubscribe(String client, String subscription) {
        given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "webhooks-it")
                .when().delete("/api/v1/subscriptions/{id}", subscription).then().statusCode(204);
    }

    /** Every delivery of the subscription, as the gateway lists them. */
    private static List<Map<String, Object>> deliveries(String client, String subscription) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            var request = given().header("Authorization", bearer(client)).queryParam("limit", 200);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/subscriptions/{id}/deliveries", subscription)
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            after = page.getString("nextCursor");
        } while (after != null);
        return all;
    }

    /** Children registered by the subscriber's agency, which is then involved with them. */
    private static Set<String> register(String client, int count) {
        Set<String> refs = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            refs.add(given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "webhooks-it")
                    .header("Idempotency-Key", "child-" + UUID.randomUUID()).contentType(ContentType.JSON)
                    .body(Map.of("nhsNumber", TestNhsNumbers.random(), "givenName", "Webhook", "familyName", "Receiver",
                            "dateOfBirth", LocalDate.now().minusYears(3 + i).toString()))
                    .when().post("/api/v1/children")
                    .then().statusCode(201).extract().path("childRef"));
        }
        return refs;
    }

    private static void report(String line) throws IOException {
        System.out.println("WEBHOOKS " + line);
        Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
