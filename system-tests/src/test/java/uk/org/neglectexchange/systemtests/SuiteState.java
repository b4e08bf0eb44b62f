package uk.org.neglectexchange.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the suite holds, as a map from "database.table" (and "topic:partition") to a digest of its content, so two
 * snapshots show whether anything was written. Every table of every database of the run is in it, outbox tables
 * included, and every partition of the run's topics (by end offset), except {@link #MEANT_TO_CHANGE}.
 */
final class SuiteState {

    /**
     * Tables a request is meant to write to although it changes nothing. The assessment service audits every read and
     * write of a child's data, refusals included (README: "refusals too"); the gateway audits every read of an agency's
     * notifications and subscriptions (a read that ignores a stray parameter is still a read). Each audit row is also
     * an audit.recorded event in its service's outbox (left out of the outbox's digest, {@link #AUDIT_EVENTS}) and on
     * the audit topic, which the gateway chains into its trail (audit_trail, its head, and the inbox rows of the
     * trail's consumer) and assessment-service copies for subject access (access_record). Idempotency records are written in the creating transaction, so a refused request leaves
     * none, and they stay in the digest.
     */
    static final Set<String> MEANT_TO_CHANGE = Set.of("audit_entry", "audit_trail", "audit_trail_head",
            "access_record");

    /** Rows of tables that change with the audit, left out of their digest: what is audited is not a change. */
    private static final Map<String, String> AUDIT_EVENTS = Map.of(
            "outbox_event", " where t.type <> 'audit.recorded'",
            "processed_event", " where t.consumer <> 'audit-trail'");

    private SuiteState() {
    }

    static Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        for (String database : SuiteProcesses.databases()) {
            state.putAll(tables(database));
        }
        state.putAll(topicEnds(SuiteProcesses.topicPrefix()));
        return state;
    }

    /** The keys whose digest differs (or that exist on one side only). */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
    }

    private static Map<String, String> tables(String database) {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/" + database;
        Map<String, String> digests = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (MEANT_TO_CHANGE.contains(table)) {
                    continue;
                }
                // every row's text form, sorted, so the digest does not depend on the physical order
                try (ResultSet rs = sql.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, "
                        + "E'\\n' order by t::text)), '') from public.\"" + table + "\" t"
                        + AUDIT_EVENTS.getOrDefault(table, ""))) {
                    rs.next();
                    digests.put(database + "." + table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
        return digests;
    }

    private static Map<String, String> topicEnds(String prefix) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(props)) {
            // the audit topic grows with every audited request, refused ones included (see MEANT_TO_CHANGE)
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix))
                    .filter(t -> !t.equals(prefix + "audit-events")).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, String> ends = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(
                    "topic " + partition.topic() + ":" + partition.partition(), String.valueOf(info.offset())));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the run's topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
