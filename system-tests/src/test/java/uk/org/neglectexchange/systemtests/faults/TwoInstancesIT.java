package uk.org.neglectexchange.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.systemtests.E2eTopics;
import uk.org.neglectexchange.systemtests.IdentityKeyStores;
import uk.org.neglectexchange.systemtests.SuiteProcesses;

/**
 * Issue 10: the outbox relays and the consumers are correct with several replicas of a service. Two instances each of
 * the assessment service (the main producer), the escalation service (one consumer group on assessment-events, and a
 * producer of the drift alerts it derives) and the gateway (its dashboard and event stream groups on all three
 * topics), each from its built jar; the two of a service share its database and consumer groups, and all use the
 * same topics. A toolkit service gives them the toolkit events of its seeded editions, then stops. A steady load of
 * chronology writes (concerns, visits, referrals) goes to the two assessment instances in turn, each retry to the
 * other one. Partway through, the assessment and escalation replicas caught waiting for the broker to acknowledge a
 * batch they relayed, and the second gateway, are killed with kill -9 and restarted. Then
 * {@link ReplicaReconciliation}: every acknowledged write stored once; every outbox row of both producers on its
 * topic (copies counted, and shown ignored by the consumers), each key's events in outbox sequence order; every event
 * applied once by each group of two. {@link RelayLockHolders} shows which replica relayed when.
 *
 * <p>The shared PostgreSQL, Kafka and Keycloak (none of them is stopped); the run's databases are the suite's
 * {@code nx_<service>_<NX_E2E_ID>}, emptied first, and its topics {@code <NX_E2E_ID>.replicas.*}. Settings (system
 * properties): {@code nx.replicas.rate} writes per second (default 40), {@code nx.replicas.seconds} of load (50),
 * {@code nx.replicas.kill-at} seconds into the load (15), {@code nx.replicas.down} seconds before the restart (5),
 * {@code nx.replicas.children} (25), {@code nx.replicas.catch-up} seconds allowed after the load (300).
 * The bigger run is {@code deploy/reliability/two-instances.sh}; the report goes to stdout and
 * target/replicas-report.txt.
 */
class TwoInstancesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "replicas-logs").toAbsolutePath();
    private static final String CLIENT = "hscp-health";
    /**
     * Not a multiple of 2 or 3, so each child's writes go to both instances in turn and through every entry type.
     * Many writes per child make each drift evaluation read a long history: the bigger run takes more children.
     */
    private static final int CHILDREN = Integer.getInteger("nx.replicas.children", 25);
    /** Referrals make the escalation replicas raise drift alerts (D1, D4): they produce as well as consume. */
    private static final List<String> ENTRY_TYPES = List.of("CONCERN", "VISIT", "REFERRAL");
    private static final double RATE = Double.parseDouble(System.getProperty("nx.replicas.rate", "40"));
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("nx.replicas.seconds", 50));
    private static final Duration KILL_AT = Duration.ofSeconds(Long.getLong("nx.replicas.kill-at", 15));
    private static final Duration DOWN = Duration.ofSeconds(Long.getLong("nx.replicas.down", 5));
    /**
     * A bound on the wait, not a target: the figure is printed ("caught up … after that"). 41–84 s here (five runs)
     * with drift evaluated once per due child; CI's machine has run about twice as slow as this one under the same
     * load.
     */
    private static final Duration CATCH_UP = Duration.ofSeconds(Long.getLong("nx.replicas.catch-up", 300));
    /**
     * How long the group waits for a killed consumer before giving its partitions to the other replica (Kafka's
     * default is 45 s; a replica stopped normally leaves at once). Shorter here so the run stays short.
     */
    private static final String SESSION_TIMEOUT_MS = "10000";
    private static final String KEYCLOAK = System.getProperty("nx.replicas.keycloak",
            System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180"));
    private static final String KAFKA = System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    private static final String RUN_NAME = SuiteProcesses.runName();
    private static final String TOPIC_PREFIX = RUN_NAME + ".replicas.";
    private static final String TOOLKIT_DB = "nx_toolkit_" + RUN_NAME;
    private static final String ASSESSMENT_DB = "nx_assessment_" + RUN_NAME;
    private static final String IDENTITY_KEYS_DB = IdentityKeyStores.of(ASSESSMENT_DB);
    private static final String ESCALATION_DB = "nx_escalation_" + RUN_NAME;
    private static final String GATEWAY_DB = "nx_gateway_" + RUN_NAME;

    private final RunClock clock = new RunClock();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();

    @Test
    void twoReplicasOfEachServiceLoseNothingAndApplyNothingTwiceWhenOneIsKilled() throws Exception {
        // a run cut short (Ctrl-C, a build timeout) must not leave the instances behind
        Thread cleanUp = new Thread(this::stopAll);
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            run();
        } finally {
            stopAll();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            Files.writeString(Path.of("target", "replicas-report.txt"), report);
        }
    }

    private void run() throws Exception {
        long t0 = clock.ms();
        Files.createDirectories(LOGS);
        try (var old = Files.list(LOGS)) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        IdentityKeyStores.ensure(IDENTITY_KEYS_DB);
        for (String database : List.of(TOOLKIT_DB, ASSESSMENT_DB, IDENTITY_KEYS_DB, ESCALATION_DB, GATEWAY_DB)) {
            SharedPostgres.empty(database);
        }
        E2eTopics.recreate(ROOT.resolve("deploy/kafka/topics.txt"), TOPIC_PREFIX);
        // both replicas of a service start at once on the empty database: Flyway's lock lets one of them migrate it
        Node toolkit = node("toolkit", "toolkit-content-service", TOOLKIT_DB, Map.of());
        // both replicas share the key store as they share the database (emptied above, not cleaned at start)
        Map<String, String> keyStore = IdentityKeyStores.settings(SharedPostgres.jdbcUrl(IDENTITY_KEYS_DB), false);
        Node assessmentA = node("assessment-a", "assessment-service", ASSESSMENT_DB, keyStore);
        Node assessmentB = node("assessment-b", "assessment-service", ASSESSMENT_DB, keyStore);
        Node escalationA = node("escalation-a", "escalation-service", ESCALATION_DB, Map.of());
        Node escalationB = node("escalation-b", "escalation-service", ESCALATION_DB, Map.of());
        // the gateways consume all three topics (dashboard, event stream); they route to the a instances, unused here
        Map<String, String> routes = Map.of("nx.routes.services.toolkit.url", toolkit.url(),
                "nx.routes.services.assessment.url", assessmentA.url(), "nx.routes.services.escalation.url", escalationA.url());
        node("gateway-a", "gateway", GATEWAY_DB, routes);
        Node gatewayB = node("gateway-b", "gateway", GATEWAY_DB, routes);
        for (Node node : nodes.values()) {
            node.start();
        }
        for (Node node : nodes.values()) {
            node.awaitStarted(Duration.ofSeconds(240), 3);
        }
        ReplicaReconciliation reconciliation = new ReplicaReconciliation(ASSESSMENT_DB, ESCALATION_DB, TOOLKIT_DB, GATEWAY_DB,
                TOPIC_PREFIX, KAFKA);
        awaitTrue("the toolkit's events applied by both groups", Duration.ofSeconds(120), reconciliation::toolkitEventsApplied);
        toolkit.stop();
        long t1 = clock.ms();

        Tokens tokens = new Tokens(KEYCLOAK, CLIENT);
        List<String> instances = List.of(assessmentA.url(), assessmentB.url());
        List<String> children = LoadChildren.register(instances, tokens, CHILDREN);
        WriteLoad load = new WriteLoad(instances, ENTRY_TYPES, tokens, children, RATE, Duration.ofSeconds(90), runId, clock);
        try (RelayLockHolders holders = new RelayLockHolders(List.of(ASSESSMENT_DB, ESCALATION_DB), clock)) {
            long loadStart = clock.ms();
            load.start();
            Thread.sleep(KILL_AT.toMillis());
            // of each service, the replica caught within 5 s waiting for the broker to acknowledge a batch it has sent
            // (else b): the rows are not marked yet, so the other must take over and send them again
            String assessmentHolder = RelayLockHolders.awaitRelayWaitingForBroker(ASSESSMENT_DB, Duration.ofSeconds(5));
            Node assessmentKilled = nodes.getOrDefault(assessmentHolder, assessmentB);
            assessmentKilled.kill();
            long killedAt = clock.ms();
            String escalationHolder = RelayLockHolders.awaitRelayWaitingForBroker(ESCALATION_DB, Duration.ofSeconds(5));
            Node escalationKilled = nodes.getOrDefault(escalationHolder, escalationB);
            escalationKilled.kill();
            gatewayB.kill();
            Thread.sleep(DOWN.toMillis());
            long restartedAt = clock.ms();
            List<Node> killed = List.of(assessmentKilled, escalationKilled, gatewayB);
            for (Node node : killed) {
                node.start();
            }
            // as their supervisor would, a replica that exits while starting (its first database connection missing
            // the 1 s acquisition timeout on the loaded 2-core machine) is started again
            for (Node node : killed) {
                node.awaitStarted(Duration.ofSeconds(480), 5);
            }
            long backAt = clock.ms();
            Thread.sleep(Math.max(0, loadStart + LOAD.toMillis() - clock.ms()));
            long loadEnd = clock.ms();
            load.stop(Duration.ofSeconds(120));
            long loadStopped = clock.ms();

            ReplicaReconciliation.Progress caughtUp = awaitCaughtUp(reconciliation, CATCH_UP);
            long t2 = clock.ms();
            Map<String, Long> figures = reconciliation.reconcile(load, runId, CLIENT,
                    nodes.values().stream().map(Node::log).toList());
            long t3 = clock.ms();

            line(String.format("%nTWO INSTANCES (run %s): 2 x assessment-service, 2 x escalation-service, 2 x gateway, one"
                    + " database each, topics %s*", runId, TOPIC_PREFIX));
            line(String.format("load: %d chronology writes (%s in turn) at %.0f/s over %.1f s to assessment-a and -b in"
                    + " turn, each retry to the other; %d children", load.scheduled(), String.join(", ", ENTRY_TYPES), RATE,
                    (loadEnd - loadStart) / 1000.0, CHILDREN));
            line(String.format("kill -9 of %s (%s), %s (%s) and gateway-b %.1f s into the load, restarted %.1f s later, ready again"
                    + " after %.1f s", assessmentKilled.name(), relaying(assessmentHolder), escalationKilled.name(),
                    relaying(escalationHolder), (killedAt - loadStart) / 1000.0, (restartedAt - killedAt) / 1000.0,
                    (backAt - restartedAt) / 1000.0));
            line("answers by instance: " + answersByInstance(load, instances));
            for (String database : List.of(ASSESSMENT_DB, ESCALATION_DB)) {
                line(String.format("relay lock of %s, sampled every 100 ms: before the kill %s; while the killed"
                        + " replica was down or starting %s; after it was back %s", database,
                        holders.tally(database, loadStart, killedAt), holders.tally(database, killedAt, backAt),
                        holders.tally(database, backAt, Long.MAX_VALUE)));
            }
            line((caughtUp.caughtUp() ? "caught up: " : "NOT CAUGHT UP within " + CATCH_UP.toSeconds() + " s (the figures"
                    + " below then count what is still on its way as lost): ") + caughtUp);
            figures.forEach((name, value) -> line(String.format("  %-100s %d", name, value)));
            line(String.format("durations: start-up of 7 instances and toolkit events %.1f s; load %.1f s, its retries"
                    + " %.1f s more; caught up %.1f s after that; reconciliation %.1f s; whole test %.1f s",
                    (t1 - t0) / 1000.0, (loadEnd - loadStart) / 1000.0, (loadStopped - loadEnd) / 1000.0,
                    (t2 - loadStopped) / 1000.0, (t3 - t2) / 1000.0, (clock.ms() - t0) / 1000.0));

            assertTrue(caughtUp.caughtUp(), "published and applied everything within " + CATCH_UP.toSeconds() + " s of"
                    + " the load's end: " + caughtUp);
            List<String> notZero = figures.entrySet().stream().filter(e -> e.getKey().endsWith("(must be 0)"))
                    .filter(e -> e.getValue() != 0).map(e -> e.getKey() + " = " + e.getValue()).toList();
            assertEquals(List.of(), notZero, "figures that must be 0; report in target/replicas-report.txt");
            assertEquals((long) load.scheduled(), figures.get("writes acknowledged (2xx)"), "every write acknowledged");
        }
    }

    private static String relaying(String holder) {
        return RelayLockHolders.NOBODY.equals(holder) ? "not caught relaying within 5 s"
                : "seen a few ms before holding its relay lock, waiting for the broker to acknowledge a batch";
    }

    /** Settings of one instance; the two instances of a service share the database and the consumer group. */
    private Node node(String name, String module, String database, Map<String, String> more) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(more);
        // the instance's name on its database connections, so the relay lock's holder can be told
        settings.put("quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl(database) + "?ApplicationName=" + name);
        settings.put("kafka.bootstrap.servers", KAFKA);
        settings.put("kafka.session.timeout.ms", SESSION_TIMEOUT_MS);
        settings.put("nx.topic-prefix", TOPIC_PREFIX);
        settings.put("nx.consumer-group", module + "-replicas-" + runId);
        settings.put("nx.identity.allow-test-nhs-numbers", "true");
        settings.put("quarkus.oidc.auth-server-url", KEYCLOAK + "/realms/neglect-exchange");
        // eight JVMs start at once on two cores: a first connection (Flyway's) can take over the 1 s that turns an
        // exhausted pool into a 503; here it exited a replica five starts running. That answer is FaultsUnderLoadIT's
        // to measure, not this test's
        settings.put("quarkus.datasource.jdbc.acquisition-timeout", "10S");
        if (module.equals("assessment-service")) {
            settings.put("quarkus.datasource.identity-keys.jdbc.acquisition-timeout", "10S");
        }
        Node node = new Node(name, ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar"), freePort(), settings,
                LOGS.resolve(name + ".log"));
        nodes.put(name, node);
        return node;
    }

    /** 2xx answers and answers of none at all, by the instance the attempt went to. */
    private static String answersByInstance(WriteLoad load, List<String> instances) {
        Map<String, String> by = new LinkedHashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            int instance = i;
            List<WriteLoad.Attempt> attempts = load.attempts.stream()
                    .filter(a -> (a.write() + a.attempt() - 1) % instances.size() == instance).toList();
            by.put(instance == 0 ? "assessment-a" : "assessment-b", attempts.stream().filter(a -> a.status() / 100 == 2).count()
                    + " x 2xx of " + attempts.size() + " attempts " + FaultReport.byStatus(attempts));
        }
        return by.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Nothing left to publish and every assessment event applied, twice in a row a second apart. */
    private static ReplicaReconciliation.Progress awaitCaughtUp(ReplicaReconciliation reconciliation, Duration within)
            throws Exception {
        Instant deadline = Instant.now().plus(within);
        ReplicaReconciliation.Progress previous = null;
        while (true) {
            ReplicaReconciliation.Progress now = reconciliation.progress();
            if (now.caughtUp() && now.equals(previous)) {
                return now;
            }
            if (Instant.now().isAfter(deadline)) {
                return now;
            }
            previous = now;
            Thread.sleep(1000);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Duration within, Check check) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + within.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /** Stops every instance at once: one after the other, their shutdowns took most of a minute. */
    private void stopAll() {
        List<Thread> stopping = new ArrayList<>();
        for (Node node : new ArrayList<>(nodes.values())) {
            stopping.add(Thread.ofVirtual().start(() -> {
                try {
                    node.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
