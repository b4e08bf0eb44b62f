package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reconciles the run from the databases and the topic, never from what the services say about themselves: the
 * writes acknowledged against the chronology, the chronology against the outbox, the outbox against the
 * assessment-events topic (by CloudEvent id), and the topic against each of its consumers' inbox and projection.
 */
final class Reconciliation {

    /** The consumers of assessment-events and where each one records what it applied. */
    static final List<String> CONSUMERS = List.of("case-projection", "dashboard", "stream-journal");
    private static final Pattern SKIPPED = Pattern.compile("Skipped event ([0-9a-f-]{36}) for (\\S+): already applied");

    private final OwnPostgres postgres;
    private final String kafkaBootstrap;

    Reconciliation(OwnPostgres postgres, String kafkaBootstrap) {
        this.postgres = postgres;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /**
     * The outbox's events for assessment-events so far, in sequence order: not its audit rows (audit.recorded), which
     * the relay sends to audit-events, where none of the consumers reconciled here reads them.
     */
    List<UUID> outboxEvents() throws SQLException {
        return uuids("nx_assessment", "select id from outbox_event where type <> 'audit.recorded' order by sequence_no",
                List.of());
    }

    int unpublished() throws SQLException {
        return count("nx_assessment", "select count(*) from outbox_event where published_at is null");
    }

    /** How many of these events each consumer has not applied yet (and, first, how many are not yet published). */
    Map<String, Integer> pending(List<UUID> events) throws SQLException {
        Map<String, Integer> pending = new java.util.LinkedHashMap<>();
        pending.put("unpublished", countAmong("nx_assessment", "select count(*) from outbox_event where published_at is null"
                + " and id = any(?)", events));
        pending.put("case-projection", events.size() - countAmong("nx_escalation", "select count(*) from processed_event"
                + " where consumer = 'case-projection' and event_id = any(?)", events));
        pending.put("dashboard", events.size() - countAmong("nx_gateway", "select count(*) from processed_event"
                + " where consumer = 'dashboard' and event_id = any(?)", events));
        pending.put("stream-journal", events.size() - countAmong("nx_gateway", "select count(*) from stream_journal"
                + " where event_id = any(?)", events));
        return pending;
    }

    boolean caughtUp(List<UUID> events) throws SQLException {
        return pending(events).values().stream().allMatch(n -> n == 0);
    }

    /** The figures of the whole run. */
    Map<String, Long> reconcile(WriteLoad load, String runId, String clientId, List<Path> logs) throws SQLException, IOException {
        Map<String, Long> f = new java.util.LinkedHashMap<>();
        // writes: what the client was told against what is stored
        Map<String, String> stored = storedKeys(runId, clientId);
        long lost = 0;
        long wrongEntry = 0;
        for (var acked : load.acknowledged.entrySet()) {
            String entry = stored.get(WriteLoad.key(runId, acked.getKey()));
            if (entry == null) {
                lost++;
            } else if (!entry.equals(acked.getValue())) {
                wrongEntry++;
            }
        }
        long entries = count("nx_assessment", "select count(*) from chronology_entry where practitioner_id = 'faults-load'");
        f.put("writes started", (long) load.scheduled());
        f.put("writes acknowledged (2xx)", (long) load.acknowledged.size());
        f.put("writes given up by the client", (long) new HashSet<>(load.gaveUp).size());
        f.put("acknowledged but not stored (lost)", lost);
        f.put("acknowledged with another entry than stored", wrongEntry + load.conflictingIds.size());
        f.put("entries stored", entries);
        f.put("entries stored without their key (stored twice)", entries - stored.size());
        Set<String> ackedKeys = new HashSet<>();
        load.acknowledged.keySet().forEach(write -> ackedKeys.add(WriteLoad.key(runId, write)));
        f.put("stored but never acknowledged (the client gave up)", stored.keySet().stream().filter(k -> !ackedKeys.contains(k)).count());

        // events: each stored entry has exactly one chronology.entry-added in the outbox, and each outbox event is on the topic
        // grouped once (a correlated count per entry was quadratic: minutes for 20,000 entries)
        f.put("entries without exactly one entry-added event", (long) count("nx_assessment", "select count(*) from"
                + " chronology_entry e left join (select data->>'entryId' as entry, count(*) as n from outbox_event"
                + " where type = 'chronology.entry-added' group by 1) o on o.entry = e.id::text"
                + " where e.practitioner_id = 'faults-load' and coalesce(o.n, 0) <> 1"));
        List<UUID> outbox = outboxEvents();
        f.put("outbox events", (long) outbox.size());
        f.put("outbox events unpublished", (long) unpublished());
        Map<UUID, Integer> onTopic = topicCopies("assessment-events");
        f.put("outbox events missing from the topic", outbox.stream().filter(id -> !onTopic.containsKey(id)).count());
        f.put("duplicate copies on the topic", onTopic.values().stream().mapToLong(n -> n - 1).sum());
        Set<UUID> inOutbox = new HashSet<>(outbox);
        f.put("topic events not in the outbox", onTopic.keySet().stream().filter(id -> !inOutbox.contains(id)).count());

        // consumers: each applied every event once; the projections hold one row per fact
        Map<String, Integer> pending = pending(outbox);
        Map<String, Long> skipped = skippedDuplicates(logs, new HashSet<>(outbox));
        for (String consumer : CONSUMERS) {
            f.put(consumer + ": events not applied (lost)", (long) pending.get(consumer));
            f.put(consumer + ": duplicates delivered and ignored", skipped.getOrDefault(consumer, 0L));
        }
        f.put("case-projection: applied twice", (long) count("nx_escalation", "select count(*) from (select event_id"
                + " from processed_event where consumer = 'case-projection' group by event_id having count(*) > 1) d")
                + count("nx_escalation", "select greatest(0, count(*) - count(distinct id)) from case_fact"));
        f.put("case-projection: concern facts vs concern entries", (long) count("nx_escalation",
                "select count(*) from case_fact where kind = 'CONCERN'") - count("nx_assessment",
                "select count(*) from chronology_entry where type = 'CONCERN'"));
        f.put("dashboard: applied twice", (long) count("nx_gateway", "select count(*) from (select event_id"
                + " from processed_event where consumer = 'dashboard' group by event_id having count(*) > 1) d"));
        f.put("dashboard: chronology rows vs entries", (long) count("nx_gateway",
                "select count(*) from dashboard_chronology_entry") - count("nx_assessment", "select count(*) from chronology_entry"));
        f.put("stream-journal: applied twice", (long) count("nx_gateway",
                "select count(*) - count(distinct event_id) from stream_journal"));
        f.put("dead-lettered (assessment-events.dlq)", (long) topicCopies("assessment-events.dlq").values().stream()
                .mapToInt(Integer::intValue).sum());
        return f;
    }

    /** Idempotency key → the entry stored for it, for this run's writes. */
    Map<String, String> storedKeys(String runId, String clientId) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = postgres.connect("nx_assessment");
                PreparedStatement q = c.prepareStatement("select r.key, r.resource_id from idempotent_request r"
                        + " join chronology_entry e on e.id = r.resource_id::uuid where r.client_id = ? and r.key like ?")) {
            q.setString(1, clientId);
            q.setString(2, "faults-" + runId + "-%");
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return stored;
    }

    /** "Skipped event <id> for <consumer>: already applied" lines of the run's logs, for this run's events. */
    static Map<String, Long> skippedDuplicates(List<Path> logs, Set<UUID> events) throws IOException {
        Map<String, Long> skipped = new TreeMap<>();
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                Matcher m = SKIPPED.matcher(line);
                if (m.find() && events.contains(UUID.fromString(m.group(1)))) {
                    skipped.merge(m.group(2), 1L, Long::sum);
                }
            }
        }
        return skipped;
    }

    /** CloudEvent id (header ce_id) → how many records of the topic carry it, read from the start to the end. */
    Map<UUID, Integer> topicCopies(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<UUID, Integer> copies = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        copies.merge(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)), 1, Integer::sum);
                    }
                }
            }
        }
        return copies;
    }

    private int count(String database, String sql) throws SQLException {
        try (Connection c = postgres.connect(database); PreparedStatement q = c.prepareStatement(sql);
                ResultSet row = q.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private int countAmong(String database, String sql, List<UUID> ids) throws SQLException {
        try (Connection c = postgres.connect(database); PreparedStatement q = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            q.setArray(1, array);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private List<UUID> uuids(String database, String sql, List<Object> params) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = postgres.connect(database); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
