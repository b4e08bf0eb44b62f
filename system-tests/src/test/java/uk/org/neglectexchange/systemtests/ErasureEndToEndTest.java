package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.platform.testsupport.TestNhsNumbers;

/**
 * Issue 18's erasure test across the exchange: a child known to every service (a concern that escalation-service
 * judges, the dashboard's count) is erased by its DPO; then no table of any service's database holds its reference
 * but those that keep what happened by design (named below, with why), and no record of any topic ever held its
 * identity. That the identity cannot be decrypted from the database or a backup taken before is assessment-service's
 * IdentityShreddingTest (pg_dump, every configured key tried).
 */
@SystemTest
class ErasureEndToEndTest {

    /** Tables that keep an erased child's reference, and why; anything else holding it is a projection not applied. */
    private static final Map<String, String> KEPT_BY_DESIGN = Map.of(
            "audit_entry", "every service's audit, append-only: who did what to the record stays accountable",
            "audit_trail", "the gateway's hash-chained copy of those rows",
            "access_record", "assessment-service's copy of them for subject access",
            "child_tombstone", "what stays of the erased record: its reference, when, by whom, why (reads answer 410)",
            "erased_child", "each projection's tombstone, so a late event about the child is not applied again",
            "sharing_record", "the record of shares, kept by the audit retention class after the record it describes",
            "outbox_event", "published events: references, codes and dates, never an identity (docs/events)",
            "child", "the registration row the tombstone and the record of shares refer to: partnership, lead agency,"
                    + " when, by which system; no identity",
            "idempotent_request", "a retried request's first answer, so a retry is never applied twice: client, key,"
                    + " a hash of the body and the reference it answered with");

    private static final List<String> TOPICS = List.of("toolkit-events", "assessment-events", "escalation-events",
            "audit-events");

    @Test
    void anErasedChildLeavesNoProjectionAndItsIdentityWasOnNoTopic() throws Exception {
        String nhsNumber = TestNhsNumbers.random();
        String givenName = "Erasable";
        // letters only, as a name is; unique, so no other test's data can be mistaken for it
        String familyName = "Zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 8);
        try (KafkaConsumer<String, String> topics = fromTheirEnds()) {
            String childRef = as("hscp-health").body(Map.of("nhsNumber", nhsNumber, "givenName", givenName,
                    "familyName", familyName, "dateOfBirth", LocalDate.now().minusYears(4).toString()))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            as("hscp-police").body(Map.of("type", "CONCERN", "occurredOn", LocalDate.now().minusDays(2).toString(),
                    "summary", "Children left alone overnight"))
                    .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201);
            // known everywhere before the erasure: escalation-service's case, the gateway's dashboard
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertTrue(tablesHolding(childRef).keySet().stream().anyMatch(t -> t.startsWith("escalation")),
                        "escalation-service has not projected the child");
                assertTrue(tablesHolding(childRef).containsKey("gateway.dashboard_child"), "the dashboard has not the child");
            });

            as("hscp-dpo").body(Map.of("reason", "Erasure request upheld (Art 17)"))
                    .when().post("/api/v1/children/{ref}/erasure", childRef).then().statusCode(200);
            as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().statusCode(410);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Long> left = tablesHolding(childRef);
                left.keySet().removeIf(table -> KEPT_BY_DESIGN.containsKey(table.substring(table.indexOf('.') + 1)));
                assertEquals(Map.of(), left, "tables still holding the erased child (service.table = rows)");
            });
            // the projections had the child.erased event: each keeps its tombstone (rows without the event's type)
            assertTrue(tablesHolding(childRef).keySet().containsAll(Set.of("escalation.erased_child", "gateway.erased_child")),
                    "a projection has no tombstone");

            List<String> identityOnTopics = new ArrayList<>();
            for (ConsumerRecord<String, String> record : everythingSince(topics)) {
                StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(' ').append(record.value());
                for (Header header : record.headers()) {
                    text.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
                }
                for (String identity : List.of(nhsNumber, familyName, givenName)) {
                    if (text.indexOf(identity) >= 0) {
                        identityOnTopics.add(record.topic() + "@" + record.offset());
                    }
                }
            }
            assertEquals(List.of(), identityOnTopics, "records holding the child's identity");
        }
    }

    /** Every table of the run's four databases with a row that mentions the reference, as "service.table" = rows. */
    private static Map<String, Long> tablesHolding(String childRef) throws SQLException {
        Map<String, Long> holding = new TreeMap<>();
        for (String database : SuiteProcesses.databases()) {
            String service = database.replaceFirst("^nx_", "").replaceFirst("_.*$", "");
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://"
                    + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                    + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/" + database, "postgres", "")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'flyway%'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    // the whole row as text: a reference in any column (child_ref, subject, a JSON payload) counts;
                    // the tombstone event itself is meant to stay (the stream's clients and late consumers hear it)
                    try (PreparedStatement count = db.prepareStatement("select count(*) from \"" + table + "\" r"
                            + " where r::text like ? and r::text not like '%child.erased%'")) {
                        count.setString(1, "%" + childRef + "%");
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                holding.put(service + "." + table, rs.getLong(1));
                            }
                        }
                    }
                }
            }
        }
        return holding;
    }

    private static KafkaConsumer<String, String> fromTheirEnds() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            for (String name : List.of(topic, topic + ".dlq")) {
                String prefixed = SuiteProcesses.topicPrefix() + name;
                consumer.partitionsFor(prefixed).forEach(p -> partitions.add(new TopicPartition(prefixed, p.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** What reached the topics since {@link #fromTheirEnds()}, up to their ends now. */
    private static List<ConsumerRecord<String, String>> everythingSince(KafkaConsumer<String, String> consumer) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return records;
    }

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-" + clientId)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Purpose", "SAFEGUARDING")
                .header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN").header("X-Consent", "NOT_SOUGHT")
                .header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON).log().ifValidationFails();
    }
}
