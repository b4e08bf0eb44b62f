package uk.org.neglectexchange.assessment.toolkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.ToolkitEventSender;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** The toolkit-events consumer against the real topic: applied once, poison to the DLQ, and it carries on. */
@QuarkusTest
class ToolkitEventsConsumerTest {

    @Inject
    DataSource db;

    @Test
    void aPublishedEditionBecomesTheCurrentEditionOfItsPartnerships() throws Exception {
        String version = nextVersion();
        ToolkitEventSender.publishEdition(ToolkitEventSender.hiowEdition(version, ToolkitEventSender.now(), 10));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer("iowscp-police"))
                .when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .body("find { it.code == 'IOWSCP' }.currentToolkitEdition.version", equalTo(version))
                .body("find { it.code == 'HSCP' }.currentToolkitEdition.version", equalTo(version)));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String version = nextVersion();
        String after = nextVersion();
        try (ToolkitEventSender sender = new ToolkitEventSender()) {
            String data = ToolkitEventSender.hiowEdition(version, ToolkitEventSender.now(), 10);
            sender.sendEditionPublished(id, data);
            sender.sendEditionPublished(id, data);
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.hiowEdition(after, ToolkitEventSender.now(), 10));
        }
        // same key, same partition: once the later event is applied, both copies of the first have been read
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from toolkit_edition where version = '" + after + "'") == 1);
        assertEquals(1, count("select count(*) from processed_event where event_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from toolkit_edition where source_event_id = '" + id + "'"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerCarriesOn() throws Exception {
        String goodVersion = nextVersion();
        List<String> poisonIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (ToolkitEventSender sender = new ToolkitEventSender(); TopicReader dlq = new TopicReader(sender.topic() + ".dlq")) {
            sender.send("HIOW", ce(poisonIds.get(0), "toolkit.edition.published"), "{not json");
            sender.send("HIOW", ce(poisonIds.get(1), "toolkit.edition.published"), "{\"family\": \"HIOW\", \"version\": 7}");
            sender.send("HIOW", ce(poisonIds.get(2), "toolkit.edition.unheard-of"), "{}");
            sender.send("HIOW", Map.of("id", poisonIds.get(3)), "{\"no\": \"cloud event attributes\"}");
            sender.sendEditionPublished(UUID.randomUUID(), ToolkitEventSender.hiowEdition(goodVersion, ToolkitEventSender.now(), 10));

            // other modules' tests share the topic: only this test's records count
            for (int i = 0; i < poisonIds.size(); i++) {
                dead.add(dlq.await(r -> poisonIds.contains(header(r, "ce_id")), Duration.ofSeconds(30))
                        .orElseThrow(() -> new AssertionError("missing DLQ record")));
            }
        }
        dead.sort(java.util.Comparator.comparing(r -> poisonIds.indexOf(header(r, "ce_id"))));
        List<String> reasons = dead.stream().map(r -> header(r, "dead-letter-reason")).toList();
        assertTrue(reasons.get(0).contains("not valid JSON"), reasons::toString);
        assertTrue(reasons.get(1).contains("breaks its schema"), reasons::toString);
        assertTrue(reasons.get(2).contains("unknown event type"), reasons::toString);
        assertTrue(reasons.get(3).contains("not a CloudEvent"), reasons::toString);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from toolkit_edition where version = '" + goodVersion + "'") == 1);
    }

    private static Map<String, String> ce(String id, String type) {
        return Map.of("id", id, "specversion", "1.0", "type", type, "source", "/test");
    }

    private long count(String sql) throws SQLException {
        return Rows.count(db, sql);
    }

    /** Greater than any version a previous run left on the topic. */
    private static String nextVersion() {
        return ToolkitEventSender.nextVersion(5);
    }
}
