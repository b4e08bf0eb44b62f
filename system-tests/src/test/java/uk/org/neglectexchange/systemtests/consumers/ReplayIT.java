package uk.org.neglectexchange.systemtests.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.systemtests.IdentityKeyStores;
import uk.org.neglectexchange.systemtests.SuiteProcesses;
import uk.org.neglectexchange.systemtests.consumers.Consumers.Service;

/**
 * Issue 8: replaying every topic from the beginning into fresh consumers gives the same projections. The three
 * services and the gateway ({@link SuiteProcesses}), each from its built jar, take a mixed workload ({@link Workload}); once
 * every consumer has applied every record, a fresh instance of each consuming service (the assessment service, the
 * escalation service and a second gateway) starts on a new empty database in a new consumer group, reads the topics
 * from the earliest offset, and must end with the same checksum, table by table, of what it builds from the topics
 * ({@link Consumers#PROJECTION_TABLES}). The fresh services publish whatever they derive again into topics of their
 * own, so the run's topics hold only the original events. An *IT (failsafe, after the *Test classes): it starts a
 * second set of consumers beside the suite. {@code -Dnx.replay.children=N} sets the workload (6 in CI; deploy/reliability/replay.sh
 * runs more); the report is also written to target/replay-report.txt.
 */
class ReplayIT {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    @Test
    void replayingEveryTopicIntoFreshConsumersGivesTheSameProjections() throws Exception {
        int children = Integer.getInteger("nx.replay.children", 6);
        try {
            long t0 = System.nanoTime();
            // the suite's gateway as the replay's gateways: none of the settings the other system tests add
            SuiteProcesses suite = SuiteProcesses.start(Map.of());
            started.add(suite);
            Map<String, String> suiteConfig = suite.gatewayConfig();
            long t1 = System.nanoTime();

            Workload workload = new Workload("http://127.0.0.1:" + suite.gatewayPort());
            workload.run(children);
            long t2 = System.nanoTime();
            List<String> producers = SuiteProcesses.databases().subList(0, 3);
            CatchUp.Lag original = CatchUp.await(Service::suiteDatabase, producers, Duration.ofSeconds(180));
            long t3 = System.nanoTime();
            Map<String, String> originalSums = checksums(Service::suiteDatabase);

            startFreshConsumers(suiteConfig);
            long t4 = System.nanoTime();
            CatchUp.Lag replayed = CatchUp.await(Service::replayDatabase, producers, Duration.ofSeconds(300));
            long t5 = System.nanoTime();
            Map<String, String> replaySums = checksums(Service::replayDatabase);

            line("replay: " + children + " children; workload requests " + workload.requests().values().stream()
                    .mapToInt(Integer::intValue).sum() + " " + workload.requests());
            line("records on the topics: " + SuiteTopics.recordCounts());
            line("original consumers: " + original);
            line("replayed consumers: " + replayed);
            line(String.format("%-48s %-52s %s", "projection table", "original", "replay"));
            originalSums.forEach((table, sum) -> line(String.format("%-48s %-52s %s%s", table, sum, replaySums.get(table),
                    sum.equals(replaySums.get(table)) ? "" : "   DIFFERENT")));
            line(String.format("durations: suite start %.1f s, workload %.1f s, original caught up %.1f s later, fresh"
                    + " consumers started in %.1f s and caught up %.1f s later", s(t1 - t0), s(t2 - t1), s(t3 - t2),
                    s(t4 - t3), s(t5 - t4)));
            // an empty table would compare equal without proving anything: the workload must reach every one
            assertEquals(List.of(), originalSums.entrySet().stream().filter(e -> e.getValue().startsWith("0 rows"))
                    .map(Map.Entry::getKey).toList(), "projection tables the workload left empty");
            assertEquals(originalSums, replaySums, "projections after a replay into fresh consumers; " + report);
        } finally {
            writeReport();
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }

    /** Fresh databases and consumer groups for the assessment service, the escalation service and a gateway. */
    private void startFreshConsumers(Map<String, String> suiteConfig) {
        String prefix = SuiteProcesses.topicPrefix();
        String sinkPrefix = prefix + "replay.";
        SuiteTopics.createIfMissing(List.of(sinkPrefix + "assessment-events", sinkPrefix + "escalation-events"), 1);
        String group = "replay-" + SuiteProcesses.runName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<JarProcess> fresh = new ArrayList<>();
        for (Service service : List.of(Service.ASSESSMENT, Service.ESCALATION)) {
            Databases.ensure(service.replayDatabase(), service.owner());
            Map<String, String> props = new LinkedHashMap<>(cleanDatabase(service.replayDatabase()));
            props.put("nx.topic-prefix", prefix);
            props.put("nx.identity.allow-test-nhs-numbers", "true");
            props.put("nx.consumer-group", service.module + "-" + group);
            if (service == Service.ASSESSMENT) {
                String keys = IdentityKeyStores.of(service.replayDatabase());
                IdentityKeyStores.ensure(keys);
                props.putAll(IdentityKeyStores.settings(Databases.jdbcUrl(keys), true));
            }
            String out = service == Service.ASSESSMENT ? "assessment-events" : "escalation-events";
            // what the fresh instance derives again (drift alerts, say) goes to its own topic, not the run's
            props.put("mp.messaging.outgoing.outbox.topic", sinkPrefix + out);
            fresh.add(start(service.module + "-replay", service.module, props));
        }
        Databases.ensure(Service.GATEWAY.replayDatabase(), Service.GATEWAY.owner());
        fresh.add(start("gateway-replay", "gateway", gatewayProperties(suiteConfig, Service.GATEWAY.replayDatabase(),
                "gateway-" + group)));
        fresh.forEach(JarProcess::awaitReady);
    }

    private JarProcess start(String name, String module, Map<String, String> properties) {
        JarProcess process = JarProcess.start(name, module, properties);
        started.add(process);
        return process;
    }

    /** The gateway as the suite starts it (routes to the three services, the run's topics), on a database. */
    private static Map<String, String> gatewayProperties(Map<String, String> suiteConfig, String database, String group) {
        Map<String, String> props = new HashMap<>(suiteConfig);
        props.putAll(cleanDatabase(database));
        props.put("nx.consumer-group", group);
        return props;
    }

    private static Map<String, String> cleanDatabase(String database) {
        return Map.of("quarkus.datasource.jdbc.url", Databases.jdbcUrl(database),
                "quarkus.flyway.clean-disabled", "false", "quarkus.flyway.clean-at-start", "true");
    }

    private static Map<String, String> checksums(Function<Service, String> databaseOf) {
        Map<String, String> sums = new java.util.TreeMap<>();
        Consumers.PROJECTION_TABLES.forEach((service, tables) -> Databases.checksums(databaseOf.apply(service), tables)
                .forEach((table, sum) -> sums.put(service.module + "." + table, sum)));
        return sums;
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void writeReport() throws IOException {
        Files.writeString(Path.of("target", "replay-report.txt"), report);
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
