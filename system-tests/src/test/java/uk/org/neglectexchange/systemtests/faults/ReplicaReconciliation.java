package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

/**
 * Reconciles a run of two replicas per service from the databases and the topics, never from what the services say
 * about themselves: the writes acknowledged against the chronology; each producer's outbox against its topic (by
 * CloudEvent id: nothing missing, copies counted, every key's events in outbox sequence order); each topic against
 * the inbox and projection of the consumer group its two replicas share.
 */
final class ReplicaReconciliation {

    /** One record of a topic, in partition and offset order. */
    record TopicRecord(int partition, long offset, String key, UUID id) {
    }

    /** One outbox row: its event id, its place in the outbox's sequence, the key it is published under. */
    record OutboxRow(UUID id, long sequenceNo, String key) {
    }

    /** Where the run is: what is not yet published, and what each consumer of the producers' events has applied. */
    record Progress(long unpublished, long dueEvaluations, long assessmentEvents, long caseProjectionApplied,
            long allEvents, long dashboardApplied, long journalled) {

        /** Also no child's drift left to evaluate: that evaluation may still raise or clear an alert (an event). */
        boolean caughtUp() {
            return unpublished == 0 && dueEvaluations == 0 && caseProjectionApplied == assessmentEvents
                    && dashboardApplied == allEvents && journalled == allEvents;
        }
    }

    private final String assessmentDb;
    private final String escalationDb;
    private final String toolkitDb;
    private final String gatewayDb;
    private final String topicPrefix;
    private final String bootstrap;
    /** A service's events for its own topic: its audit rows (audit.recorded) go to audit-events, read by none here. */
    private static final String NOT_AUDIT = " where type <> 'audit.recorded'";

    ReplicaReconciliation(String assessmentDb, String escalationDb, String toolkitDb, String gatewayDb, String topicPrefix,
            String bootstrap) {
        this.assessmentDb = assessmentDb;
        this.escalationDb = escalationDb;
        this.toolkitDb = toolkitDb;
        this.gatewayDb = gatewayDb;
        this.topicPrefix = topicPrefix;
        this.bootstrap = bootstrap;
    }

    Progress progress() throws SQLException {
        long assessmentEvents = SharedPostgres.count(assessmentDb, "select count(*) from outbox_event" + NOT_AUDIT);
        long allEvents = assessmentEvents + SharedPostgres.count(escalationDb, "select count(*) from outbox_event" + NOT_AUDIT)
                + SharedPostgres.count(toolkitDb, "select count(*) from outbox_event" + NOT_AUDIT);
        return new Progress(unpublished(assessmentDb) + unpublished(escalationDb) + unpublished(toolkitDb),
                SharedPostgres.count(escalationDb, "select count(distinct child_ref) from drift_evaluation_due"), assessmentEvents,
                applied(escalationDb, "case-projection"), allEvents, applied(gatewayDb, "dashboard"),
                SharedPostgres.count(gatewayDb, "select count(*) from stream_journal where recipients is null"));
    }

    /** The toolkit's events applied by both services' consumer groups (the escalation service's procedures come with them). */
    boolean toolkitEventsApplied() throws SQLException {
        long events = SharedPostgres.count(toolkitDb, "select count(*) from outbox_event" + NOT_AUDIT
                + " and published_at is not null");
        return events > 0 && unpublished(toolkitDb) == 0 && applied(assessmentDb, "toolkit-editions") == events
                && applied(escalationDb, "partnership-procedures") == events;
    }

    private static long applied(String database, String inbox) throws SQLException {
        return SharedPostgres.count(database, "select count(*) from processed_event where consumer = '" + inbox + "'");
    }

    /** The figures of the whole run, by name; the ones {@link TwoInstancesIT} requires to be 0 end in "(must be 0)". */
    Map<String, Long> reconcile(WriteLoad load, String runId, String clientId, List<Path> logs) throws SQLException, IOException {
        Map<String, Long> f = new LinkedHashMap<>();
        writes(f, load, runId, clientId);
        Set<UUID> assessmentEvents = producer(f, "assessment-events", assessmentDb);
        Set<UUID> escalationEvents = producer(f, "escalation-events", escalationDb);
        Set<UUID> toolkitEvents = new HashSet<>(SharedPostgres.ids(toolkitDb, "select id from outbox_event" + NOT_AUDIT));
        f.put("toolkit-events: dead-lettered (.dlq) (must be 0)", (long) read(topicPrefix + "toolkit-events.dlq").size());

        Set<UUID> everyEvent = new HashSet<>(assessmentEvents);
        everyEvent.addAll(escalationEvents);
        everyEvent.addAll(toolkitEvents);
        Map<String, Long> skipped = Reconciliation.skippedDuplicates(logs, everyEvent);
        consumer(f, "case-projection (escalation, 2 replicas)", escalationDb, inbox("case-projection"), assessmentEvents,
                skipped.getOrDefault("case-projection", 0L));
        consumer(f, "partnership-procedures (escalation, 2 replicas)", escalationDb, inbox("partnership-procedures"),
                toolkitEvents, skipped.getOrDefault("partnership-procedures", 0L));
        consumer(f, "toolkit-editions (assessment, 2 replicas)", assessmentDb, inbox("toolkit-editions"), toolkitEvents,
                skipped.getOrDefault("toolkit-editions", 0L));
        consumer(f, "dashboard (gateway, 2 replicas)", gatewayDb, inbox("dashboard"), everyEvent,
                skipped.getOrDefault("dashboard", 0L));
        consumer(f, "stream-journal (gateway, 2 replicas)", gatewayDb, "select event_id from stream_journal where recipients is null", everyEvent,
                skipped.getOrDefault("stream-journal", 0L));

        // the projection holds one fact per entry it counts, whichever replica applied it
        f.put("case-projection: concern facts minus concern entries (must be 0)", SharedPostgres.count(escalationDb,
                "select count(*) from case_fact where kind = 'CONCERN'") - SharedPostgres.count(assessmentDb,
                "select count(*) from chronology_entry where type = 'CONCERN'"));
        f.put("case-projection: referral facts minus referral entries (must be 0)", SharedPostgres.count(escalationDb,
                "select count(*) from case_fact where kind = 'REFERRAL'") - SharedPostgres.count(assessmentDb,
                "select count(*) from chronology_entry where type = 'REFERRAL'"));
        f.put("case-projection: children minus children registered (must be 0)", SharedPostgres.count(escalationDb,
                "select count(*) from case_child") - SharedPostgres.count(assessmentDb, "select count(*) from child"));
        f.put("dashboard: chronology rows minus entries (must be 0)", SharedPostgres.count(gatewayDb,
                "select count(*) from dashboard_chronology_entry") - SharedPostgres.count(assessmentDb,
                "select count(*) from chronology_entry"));
        f.put("dashboard: drift alert rows minus drift alerts (must be 0)", SharedPostgres.count(gatewayDb,
                "select count(*) from dashboard_drift_alert") - SharedPostgres.count(escalationDb,
                "select count(*) from drift_alert"));
        // what both replicas derived: each alert announced once, however many replicas evaluated its child
        f.put("drift alerts raised", SharedPostgres.count(escalationDb, "select count(*) from drift_alert"));
        f.put("drift alerts minus drift.detected events (must be 0)", SharedPostgres.count(escalationDb,
                "select count(*) from drift_alert") - SharedPostgres.count(escalationDb,
                "select count(*) from outbox_event where type = 'drift.detected'"));
        f.put("cleared drift alerts minus drift.cleared events (must be 0)", SharedPostgres.count(escalationDb,
                "select count(*) from drift_alert where status = 'CLEARED'") - SharedPostgres.count(escalationDb,
                "select count(*) from outbox_event where type = 'drift.cleared'"));
        return f;
    }

    private void writes(Map<String, Long> f, WriteLoad load, String runId, String clientId) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection db = SharedPostgres.connect(assessmentDb);
                PreparedStatement q = db.prepareStatement("select r.key, r.resource_id from idempotent_request r"
                        + " join chronology_entry e on e.id = r.resource_id::uuid where r.client_id = ? and r.key like ?")) {
            q.setString(1, clientId);
            q.setString(2, "faults-" + runId + "-%");
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
        }
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
        long entries = SharedPostgres.count(assessmentDb,
                "select count(*) from chronology_entry where practitioner_id = 'faults-load'");
        f.put("writes started", (long) load.scheduled());
        f.put("writes acknowledged (2xx)", (long) load.acknowledged.size());
        f.put("writes given up by the client (must be 0)", (long) new HashSet<>(load.gaveUp).size());
        f.put("acknowledged but not stored (lost) (must be 0)", lost);
        f.put("acknowledged with another entry than stored (must be 0)", wrongEntry + load.conflictingIds.size());
        f.put("entries stored", entries);
        f.put("entries stored twice (without their key) (must be 0)", entries - stored.size());
    }

    /** A producer's outbox against its topic; returns the outbox's event ids. */
    private Set<UUID> producer(Map<String, Long> f, String topic, String database) throws SQLException {
        Map<UUID, OutboxRow> outbox = new HashMap<>();
        try (Connection db = SharedPostgres.connect(database); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select id, sequence_no, message_key from outbox_event" + NOT_AUDIT)) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                outbox.put(id, new OutboxRow(id, rs.getLong(2), rs.getString(3)));
            }
        }
        List<TopicRecord> records = read(topicPrefix + topic);
        Map<UUID, Integer> copies = new HashMap<>();
        records.forEach(r -> copies.merge(r.id(), 1, Integer::sum));

        f.put(topic + ": outbox rows", (long) outbox.size());
        f.put(topic + ": outbox rows unpublished (must be 0)", unpublished(database));
        f.put(topic + ": outbox rows not keyed by their childRef (must be 0)", SharedPostgres.count(database,
                "select count(*) from outbox_event" + NOT_AUDIT
                        + " and message_key is distinct from coalesce(data->>'childRef', partnership)"));
        f.put(topic + ": records on the topic", (long) records.size());
        f.put(topic + ": outbox rows missing from the topic (lost) (must be 0)",
                outbox.keySet().stream().filter(id -> !copies.containsKey(id)).count());
        f.put(topic + ": records not from the outbox (must be 0)",
                copies.keySet().stream().filter(id -> !outbox.containsKey(id)).count());
        f.put(topic + ": records under another key than their outbox row (must be 0)", records.stream()
                .filter(r -> outbox.containsKey(r.id()) && !outbox.get(r.id()).key().equals(r.key())).count());
        f.put(topic + ": duplicate copies on the topic", copies.values().stream().mapToLong(n -> n - 1).sum());

        // per key, the first copy of each event must come after the first copies of the key's earlier events
        Map<String, Long> newest = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        long outOfOrder = 0;
        long lateCopies = 0;
        for (TopicRecord record : records) {
            OutboxRow row = outbox.get(record.id());
            if (row == null) {
                continue;
            }
            long newestOfKey = newest.getOrDefault(row.key(), Long.MIN_VALUE);
            if (seen.add(record.id())) {
                if (row.sequenceNo() < newestOfKey) {
                    outOfOrder++;
                } else {
                    newest.put(row.key(), row.sequenceNo());
                }
            } else if (row.sequenceNo() < newestOfKey) {
                lateCopies++;
            }
        }
        f.put(topic + ": keys", (long) newest.size());
        f.put(topic + ": events before an earlier event of their key (out of order) (must be 0)", outOfOrder);
        f.put(topic + ": duplicate copies after a later event of their key", lateCopies);
        f.put(topic + ": dead-lettered (.dlq) (must be 0)", (long) read(topicPrefix + topic + ".dlq").size());
        return outbox.keySet();
    }

    private static String inbox(String consumer) {
        return "select event_id from processed_event where consumer = '" + consumer + "'";
    }

    /** A consumer group's inbox (the ids {@code appliedQuery} selects) against the events of its topics. */
    private static void consumer(Map<String, Long> f, String label, String database, String appliedQuery, Set<UUID> events,
            long duplicatesIgnored) throws SQLException {
        List<UUID> applied = SharedPostgres.ids(database, appliedQuery);
        Set<UUID> distinct = new HashSet<>(applied);
        f.put(label + ": events", (long) events.size());
        f.put(label + ": applied", (long) distinct.size());
        f.put(label + ": not applied (lost) (must be 0)", events.stream().filter(id -> !distinct.contains(id)).count());
        f.put(label + ": applied twice (must be 0)", (long) (applied.size() - distinct.size()));
        f.put(label + ": applied but not on its topics (must be 0)", distinct.stream().filter(id -> !events.contains(id)).count());
        f.put(label + ": duplicates delivered and ignored", duplicatesIgnored);
    }

    private static long unpublished(String database) throws SQLException {
        return SharedPostgres.count(database, "select count(*) from outbox_event where published_at is null");
    }

    /** Every record of a topic from the start to its end offsets, partition by partition in offset order. */
    private List<TopicRecord> read(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<Integer, List<TopicRecord>> byPartition = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " not read to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(new TopicRecord(
                            record.partition(), record.offset(), record.key(),
                            id == null ? null : UUID.fromString(new String(id.value(), StandardCharsets.UTF_8))));
                }
            }
        }
        List<TopicRecord> records = new ArrayList<>();
        byPartition.values().forEach(records::addAll);
        return records;
    }
}
