package uk.org.neglectexchange.gateway.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

/**
 * Subscriptions, signed webhooks and the agency feed, end to end inside the gateway: real Kafka events in, real
 * HTTP receivers on loopback out, each checking the signature itself. Escalation events (a topic no other service
 * consumes in tests) drive the rules.
 */
@QuarkusTest
class NotificationsTest {

    private static final CloudEventSender EVENTS = new CloudEventSender();
    /** Every write names the practitioner acting, as agency systems must. */
    private static final String PRACTITIONER = "it-0001";

    @Inject
    DataSource db;

    /** A request of the client's system, naming the practitioner acting. */
    private static RequestSpecification as(String client) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", PRACTITIONER);
    }

    private static String topic(String name) {
        return ConfigProvider.getConfig().getValue("nx.topic-prefix", String.class) + name;
    }

    /** An escalation raised in {@code partnership} by HEALTH naming {@code otherAgency}; returns its id. */
    private static String raise(String partnership, String otherAgency, int stage) {
        return raise(partnership, otherAgency, stage, LocalDate.now().plusDays(14));
    }

    private static String raise(String partnership, String otherAgency, int stage, LocalDate deadline) {
        String escalationId = UUID.randomUUID().toString();
        String childRef = ChildRefs.random();
        var attributes = CloudEventSender.attributes(UUID.randomUUID(), "escalation.raised", "/neglect-exchange/escalation-service");
        attributes.put("subject", childRef);
        attributes.put("time", Instant.now().toString());
        EVENTS.send(topic("escalation-events"), childRef, attributes, """
                {"escalationId": "%s", "childRef": "%s", "partnership": "%s", "raisedByAgency": "HEALTH",
                 "otherAgency": "%s", "type": "PROFESSIONAL_DISAGREEMENT", "currentRisk": "MEDIUM", "procedureCode": "HIOW-1",
                 "stage": %d, "stagesSkipped": false, "stageStartedOn": "%s", "deadline": "%s",
                 "deadlineShortened": false, "notifyBusinessTeam": false, "raisedAt": "%s"}"""
                .formatted(escalationId, childRef, partnership, otherAgency, stage, LocalDate.now(), deadline, Instant.now()));
        return escalationId;
    }

    private static JsonPath subscribe(String client, String url, String... types) {
        return as(client).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("url", url, "types", List.of(types)))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().jsonPath();
    }

    private static List<String> feedIds(String client) {
        return as(client).when().get("/api/v1/notifications?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items.data.escalationId", String.class);
    }

    @Test
    void theNamedAgencyIsToldBySignedWebhookAndInItsFeedAndNoOtherAgencyIs() throws Exception {
        try (Receiver police = new Receiver(); Receiver otherPartnership = new Receiver()) {
            police.secret(subscribe("hscp-police", police.url(), "escalation.raised").getString("secret"));
            otherPartnership.secret(subscribe("wsscp-police", otherPartnership.url(), "escalation.raised").getString("secret"));

            String escalationId = raise("HSCP", "POLICE", 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> police.verified("escalation.raised").stream()
                    .anyMatch(event -> event.path("data").path("escalationId").asText().equals(escalationId)));
            JsonNode event = police.verified("escalation.raised").stream()
                    .filter(e -> e.path("data").path("escalationId").asText().equals(escalationId)).findFirst().orElseThrow();
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("NAMED_AGENCY", event.path("data").path("reason").asText());
            assertEquals(0, police.unverified());
            assertTrue(feedIds("hscp-police").contains(escalationId));
            // the raiser is not told of its own act, and another partnership's agency never
            assertTrue(!feedIds("hscp-health").contains(escalationId));
            assertTrue(!feedIds("wsscp-police").contains(escalationId));
            assertTrue(otherPartnership.verified().stream()
                    .noneMatch(e -> e.path("data").path("escalationId").asText().equals(escalationId)));
        }
    }

    @Test
    void theFeedPagesOnFromItsCursor() {
        String first = raise("IOWSCP", "EDUCATION", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedIds("iowscp-education").contains(first));
        String cursor = as("iowscp-education").when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        String second = raise("IOWSCP", "EDUCATION", 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("iowscp-education")
                .when().get("/api/v1/notifications?after=" + cursor)
                .then().statusCode(200).body("items.data.escalationId", equalTo(List.of(second))));
        assertProblem(as("iowscp-education")
                .when().get("/api/v1/notifications?after=not-a-cursor").then(), 400);
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAnswersAndOneThatIsGoneDisablesItsSubscription() throws Exception {
        try (Receiver flaky = new Receiver(); Receiver gone = new Receiver()) {
            JsonPath flakySubscription = subscribe("wsscp-health", flaky.url(), "escalation.raised");
            flaky.secret(flakySubscription.getString("secret"));
            flaky.answer(500, 503);
            String escalationId = raise("WSSCP", "HEALTH", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> flaky.verified("escalation.raised").stream()
                    .anyMatch(e -> e.path("data").path("escalationId").asText().equals(escalationId)));
            as("wsscp-health")
                    .when().get("/api/v1/subscriptions/" + flakySubscription.getString("id") + "/deliveries?status=DELIVERED")
                    .then().statusCode(200).body("items.attempts", hasItem(3));
            as("wsscp-health").when().delete("/api/v1/subscriptions/" + flakySubscription.getString("id"))
                    .then().statusCode(204);

            // (wsscp-education is RateLimitTest's client, throttled in tests)
            JsonPath goneSubscription = subscribe("wsscp-childrens-services", gone.url(), "escalation.raised");
            gone.secret(goneSubscription.getString("secret"));
            gone.answer(410);
            raise("WSSCP", "CHILDRENS_SERVICES", 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("wsscp-childrens-services")
                    .when().get("/api/v1/subscriptions/" + goneSubscription.getString("id"))
                    .then().statusCode(200).body("status", equalTo("DISABLED")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("wsscp-childrens-services")
                    .when().get("/api/v1/notifications?limit=500")
                    .then().statusCode(200).body("items.data.subscriptionId", hasItem(goneSubscription.getString("id"))));
            // its failed delivery cannot be sent again while it is disabled: that would never be sent
            String failed = as("wsscp-childrens-services")
                    .when().get("/api/v1/subscriptions/" + goneSubscription.getString("id") + "/deliveries?status=FAILED")
                    .then().statusCode(200).extract().jsonPath().getString("items[0].id");
            assertProblem(as("wsscp-childrens-services")
                    .when().post("/api/v1/subscriptions/" + goneSubscription.getString("id") + "/deliveries/" + failed + "/retry")
                    .then(), 409);
        }
    }

    @Test
    void aTestPingArrivesSignedAndAFailedDeliveryCanBeSentAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath subscription = subscribe("iowscp-health", receiver.url(), "escalation.raised");
            String id = subscription.getString("id");
            receiver.secret(subscription.getString("secret"));
            // the test schedule has five retries: six failures in a row and the delivery is given up on
            receiver.answer(500, 500, 500, 500, 500, 500);
            as("iowscp-health").header("Idempotency-Key", UUID.randomUUID().toString())
                    .when().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(202);

            String deliveryId = await().atMost(Duration.ofSeconds(40)).until(() -> as("iowscp-health")
                    .when().get("/api/v1/subscriptions/" + id + "/deliveries?status=FAILED")
                    .then().statusCode(200).extract().jsonPath().getString("items[0].id"), found -> found != null);
            as("iowscp-health").header("Idempotency-Key", UUID.randomUUID().toString())
                    .when().post("/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry")
                    .then().statusCode(202).body("deliveryId", equalTo(deliveryId));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.webhookIds().contains(deliveryId));
            assertEquals("webhook.test", receiver.verified().get(0).path("type").asText());
            assertEquals(0, receiver.unverified());
        }
    }

    @Test
    void aRetriedSubscribeIsAnsweredOnceWithTheSameSecret() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("escalation.raised"));
        JsonPath first = as("hscp-education").header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        as("hscp-education").header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions")
                .then().statusCode(201).body("id", equalTo(first.getString("id")))
                .body("secret", equalTo(first.getString("secret")));
        // the secret is shown only then
        as("hscp-education").when().get("/api/v1/subscriptions/" + first.getString("id"))
                .then().statusCode(200).body("secret", equalTo(null));
        // another client's subscription is not there for this one
        as("hscp-health").when().get("/api/v1/subscriptions/" + first.getString("id"))
                .then().statusCode(404);
        as("hscp-health").when().delete("/api/v1/subscriptions/" + first.getString("id"))
                .then().statusCode(404);
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = Rows.count(db, "select count(*) from webhook_subscription");
        assertRefused(Map.of("url", "https://10.1.2.3/hook", "types", List.of("escalation.raised")), 422, "url");
        assertRefused(Map.of("url", "https://169.254.169.254/latest", "types", List.of("escalation.raised")), 422, "url");
        assertRefused(Map.of("url", "http://93.184.215.14/hook", "types", List.of("escalation.raised")), 422, "url");
        assertRefused(Map.of("url", "https://exchange-receiver.invalid/hook", "types", List.of("escalation.raised")), 422, "url");
        assertRefused(Map.of("url", "https://user:pw@example.org/hook", "types", List.of("escalation.raised")), 422, "url");
        assertRefused(Map.of("url", "https://example.org/hook", "types", List.of("escalation.nonsense")), 400, "types[0]");
        assertRefused(Map.of("url", "https://example.org/hook", "types", List.of()), 400, "types");
        assertRefused(Map.of("url", "https://example.org/hook", "types", List.of("escalation.raised"),
                "secret", "whsec_mine"), 400, "secret");
        assertRefused(Map.of("types", List.of("escalation.raised")), 400, "url");
        // read as strictly as the services read their bodies
        assertProblem(as("hscp-health").contentType("application/json").body("{\"url\": {}, \"url\": \"http://127.0.0.1:9/hook\","
                + " \"types\": [\"escalation.raised\"]}").when().post("/api/v1/subscriptions").then(), 400);
        assertProblem(as("hscp-health").contentType("application/json; charset=ISO-8859-1")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("escalation.raised")))
                .when().post("/api/v1/subscriptions").then(), 415);
        assertProblem(as("hscp-health").body("{\"url\": \"http://127.0.0.1:9/hook\", \"types\": [\"escalation.raised\"]}")
                .when().post("/api/v1/subscriptions").then(), 415);
        // a change names the practitioner acting, as every write to the exchange does
        assertProblem(given().header("Authorization", bearer("hscp-health")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("escalation.raised")))
                .when().post("/api/v1/subscriptions").then(), 400).body("errors.field", hasItem("X-Practitioner-Id"));
        assertEquals(before, Rows.count(db, "select count(*) from webhook_subscription"));
        // a dashboard client may not subscribe
        as("hscp-dashboard").contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("escalation.raised")))
                .when().post("/api/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void subscriptionChangesAndFeedReadsAreAudited() throws Exception {
        subscribe("iowscp-police", "http://127.0.0.1:9/hook", "escalation.raised");
        as("iowscp-police")
                .when().get("/api/v1/notifications").then().statusCode(200);
        assertTrue(Rows.exist(db, "select 1 from audit_entry where client_id = ? and action = 'subscription.create'"
                + " and partnership = 'IOWSCP'", "iowscp-police"));
        assertTrue(Rows.exist(db, "select 1 from audit_entry where client_id = ? and action = 'notifications.read'"
                + " and practitioner_id = 'it-0001'", "iowscp-police"));
    }

    @Test
    void encompassTellsTheSchoolsByWebhookAndTheDeliveryReportSaysItArrivedBeforeTheSchoolDay() throws Exception {
        try (Receiver school = new Receiver()) {
            JsonPath subscription = subscribe("hscp-education", school.url(), "encompass.incident");
            school.secret(subscription.getString("secret"));
            String childRef = ChildRefs.random();
            String entryId = UUID.randomUUID().toString();
            var attributes = CloudEventSender.attributes(UUID.randomUUID(), "chronology.entry-added",
                    "/neglect-exchange/assessment-service");
            attributes.put("subject", childRef);
            EVENTS.send(topic("assessment-events"), childRef, attributes, """
                    {"entryId": "%s", "childRef": "%s", "partnership": "HSCP", "agency": "POLICE",
                     "type": "POLICE_ATTENDANCE", "incidentType": "DOMESTIC_ABUSE", "ageBand": "12_17",
                     "occurredOn": "%s", "recordedAt": "%s"}""".formatted(entryId, childRef, LocalDate.now(), Instant.now()));

            await().atMost(Duration.ofSeconds(30)).until(() -> !school.verified("encompass.incident").isEmpty());
            JsonNode told = school.verified("encompass.incident").get(0);
            assertEquals(entryId, told.path("data").path("entryId").asText());
            assertTrue(!told.path("data").has("incidentType") && !told.path("data").has("summary"));
            JsonPath report = await().atMost(Duration.ofSeconds(10)).until(() -> as("hscp-education")
                    .when().get("/api/v1/subscriptions/" + subscription.getString("id") + "/deliveries")
                    .then().statusCode(200).extract().jsonPath(), page -> "DELIVERED".equals(page.getString("items[0].status")));
            assertEquals(OffsetDateTime.parse(told.path("data").path("actBy").asText()).toInstant(),
                    OffsetDateTime.parse(report.getString("items[0].actBy")).toInstant());
            assertTrue(report.getBoolean("items[0].arrivedBeforeActBy"));
        }
    }

    @Test
    void bothPartiesAreRemindedOneWorkingDayBeforeTheDeadline() {
        LocalDate nextWorkingDay = new WorkingDayCalendar().plusWorkingDays(LocalDate.now(), 1);
        String escalationId = raise("HSCP", "EDUCATION", 1, nextWorkingDay);

        for (String party : List.of("hscp-health", "hscp-education")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(party)
                    .when().get("/api/v1/notifications?limit=500").then().statusCode(200)
                    .body("items.findAll { it.type == 'escalation.deadline-approaching' }.data.escalationId",
                            hasItem(escalationId)));
        }
    }

    @Test
    void aSubscriptionFailingForThreeDaysIsDisabledAndItsAgencyToldInTheFeed() throws Exception {
        JsonPath subscription = subscribe("iowscp-childrens-services", "http://127.0.0.1:9/closed", "escalation.raised");
        String id = subscription.getString("id");
        // as if every delivery had failed since four days ago; the next failure is one too many
        try (var connection = db.getConnection(); var update = connection.prepareStatement(
                "update webhook_subscription set failing_since = now() - interval '4 days' where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
        raise("IOWSCP", "CHILDRENS_SERVICES", 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("iowscp-childrens-services")
                .when().get("/api/v1/subscriptions/" + id).then().statusCode(200).body("status", equalTo("DISABLED")));
        as("iowscp-childrens-services").when().get("/api/v1/notifications?limit=500")
                .then().statusCode(200).body("items.findAll { it.type == 'subscription.disabled' }.data.subscriptionId",
                        hasItem(id));
    }

    private static void assertRefused(Map<String, Object> body, int status, String field) {
        assertProblem(as("hscp-health").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/subscriptions").then(), status)
                .body("errors.field", hasItem(field));
    }
}
