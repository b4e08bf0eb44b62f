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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.systemtests.IdentityKeyStores;

/**
 * Issue 8, faults under load: the three services and the gateway as real processes from their jars, on a
 * PostgreSQL cluster and a Kafka broker of the run's own (the shared ones are never touched; Keycloak is the
 * shared one), under an open-model load of chronology writes through the gateway ({@link WriteLoad}). In turn:
 * kill -9 of the broker (down for a while, then restarted), of PostgreSQL's postmaster (restarted), of each service
 * and of the gateway (restarted). Then {@link Reconciliation} from the databases and the topic: nothing acknowledged
 * is lost, no change produced other than its events, no consumer applied an event twice.
 *
 * <p>Settings (system properties): {@code nx.faults.rate} writes per second (default 40), {@code nx.faults.kafka-down}
 * seconds (15), {@code nx.faults.pg-down} seconds (6), {@code nx.faults.settle} seconds of load between faults (5).
 * The full run is {@code deploy/reliability/faults.sh}; the report goes to stdout and target/faults-report.txt.
 */
class FaultsUnderLoadIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "faults-logs").toAbsolutePath();
    private static final String CLIENT = "hscp-health";
    private static final int CHILDREN = 40;

    /** Marks a time target the full run checks; {@code deploy/reliability/faults.sh} fails when the report has one. */
    static final String TARGET_MISSED = "TARGET MISSED";
    private static final double RATE = Double.parseDouble(System.getProperty("nx.faults.rate", "40"));
    private static final Duration KAFKA_DOWN = Duration.ofSeconds(Long.getLong("nx.faults.kafka-down", 15));
    private static final Duration PG_DOWN = Duration.ofSeconds(Long.getLong("nx.faults.pg-down", 6));
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("nx.faults.settle", 5));
    private static final String KEYCLOAK = System.getProperty("nx.faults.keycloak",
            System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180"));
    private static final Path PG_BIN = Path.of(System.getProperty("nx.faults.pg-bin", OwnPostgres.newestBinaries()));
    private static final Path KAFKA_LIBS = Path.of(System.getProperty("nx.faults.kafka-libs",
            System.getProperty("user.home") + "/.cache/neglect-exchange/kafka-4.3.1/libs"));

    private static final RunClock CLOCK = new RunClock();
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final Path WORK = Path.of("/tmp", "nx-faults-" + RUN_ID);

    private static OwnPostgres postgres;
    private static OwnKafka kafka;
    private static final Map<String, Node> NODES = new LinkedHashMap<>();
    private static Node gateway;

    /** Kept, so the level holds: the Kafka clients of the reconciliation log every setting at INFO. */
    private static final java.util.logging.Logger KAFKA_LOGS = java.util.logging.Logger.getLogger("org.apache.kafka");

    private final List<Fault> faults = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        KAFKA_LOGS.setLevel(java.util.logging.Level.WARNING);
        // a run cut short (Ctrl-C, a build timeout) must not leave a PostgreSQL cluster or a broker behind
        Runtime.getRuntime().addShutdownHook(new Thread(FaultsUnderLoadIT::stopQuietly));
        Files.createDirectories(LOGS);
        try (var old = Files.list(LOGS)) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        postgres = new OwnPostgres(PG_BIN, WORK.resolve("pg"), freePort(), LOGS.resolve("postgres-commands.log"));
        postgres.initialise();
        postgres.start();
        for (String svc : List.of("toolkit", "assessment", "escalation", "gateway")) {
            postgres.createServiceDatabase("nx_" + svc, "nx_" + svc);
        }
        // assessment-service's identity key store, on the same (killable) PostgreSQL here
        postgres.createDatabase("nx_assessment", "nx_identity_keys");
        kafka = new OwnKafka(KAFKA_LIBS, WORK.resolve("kafka"), freePort(), freePort(), LOGS.resolve("kafka.log"));
        kafka.format();
        kafka.start();
        kafka.awaitReady(Duration.ofSeconds(60));
        kafka.createTopics(ROOT.resolve("deploy/kafka/topics.txt"));

        Map<String, String> routes = new LinkedHashMap<>();
        for (String[] svc : List.of(new String[] { "toolkit", "toolkit-content-service" },
                new String[] { "assessment", "assessment-service" }, new String[] { "escalation", "escalation-service" })) {
            Map<String, String> settings = common("nx_" + svc[0]);
            settings.put("nx.identity.allow-test-nhs-numbers", "true");
            if (svc[0].equals("assessment")) {
                settings.putAll(IdentityKeyStores.settings(postgres.jdbcUrl("nx_identity_keys"), false));
            }
            Node node = new Node(svc[1], ROOT.resolve(svc[1] + "/target/quarkus-app/quarkus-run.jar"), freePort(), settings,
                    LOGS.resolve(svc[1] + ".log"));
            NODES.put(svc[1], node);
            routes.put("nx.routes.services." + svc[0] + ".url", node.url());
        }
        Map<String, String> settings = common("nx_gateway");
        settings.putAll(routes);
        // the load's client gets an allowance of 1.5 times the rate (burst: 3 s of it), as a partner sending that many
        // writes would be given: its retries beyond that are refused with 429 + Retry-After, as they would be
        settings.put("nx.limits.clients.\"" + CLIENT + "\".requests-per-second", String.valueOf(Math.max(100, RATE * 1.5)));
        settings.put("nx.limits.clients.\"" + CLIENT + "\".burst", String.valueOf((long) Math.max(200, RATE * 3)));
        gateway = new Node("gateway", ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar"), freePort(), settings,
                LOGS.resolve("gateway.log"));
        NODES.put("gateway", gateway);
        for (Node node : NODES.values()) {
            node.start();
        }
        for (Node node : NODES.values()) {
            node.awaitStarted(Duration.ofSeconds(180), 3);
        }
    }

    private static Map<String, String> common(String database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        settings.put("kafka.bootstrap.servers", kafka.bootstrap());
        settings.put("quarkus.oidc.auth-server-url", KEYCLOAK + "/realms/neglect-exchange");
        return settings;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Node node : NODES.values()) {
            node.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static void stopQuietly() {
        try {
            stopEverything();
        } catch (Exception | Error e) {
            System.err.println("faults: clean-up after an interrupted run failed: " + e);
        }
    }

    @Test
    void nothingAcknowledgedIsLostAndNothingIsAppliedTwiceWhenEachPartIsKilled() throws Exception {
        Tokens tokens = new Tokens(KEYCLOAK, CLIENT);
        List<String> children = LoadChildren.register(List.of(gateway.url()), tokens, CHILDREN);
        Reconciliation reconciliation = new Reconciliation(postgres, kafka.bootstrap());
        WriteLoad load = new WriteLoad(List.of(gateway.url()), List.of("CONCERN", "VISIT"), tokens, children, RATE,
                Duration.ofSeconds(120), RUN_ID, CLOCK);
        System.out.printf("faults: run %s, %.0f writes/s, Kafka down %d s, PostgreSQL down %d s, %d s between faults%n",
                RUN_ID, RATE, KAFKA_DOWN.toSeconds(), PG_DOWN.toSeconds(), SETTLE.toSeconds());
        long loadStart = CLOCK.ms();
        load.start();
        Thread.sleep(SETTLE.toMillis());

        killKafka(load, reconciliation);
        killPostgres(load);
        for (String service : List.of("assessment-service", "escalation-service", "toolkit-content-service", "gateway")) {
            killNode(NODES.get(service));
        }
        long loadEnd = CLOCK.ms();
        load.stop(Duration.ofSeconds(150));

        List<UUID> all = reconciliation.outboxEvents();
        // a bound on the wait, not a target: the reconciliation that follows counts what is still not applied
        Instant drainDeadline = Instant.now().plusSeconds(300);
        while (!reconciliation.caughtUp(all) && Instant.now().isBefore(drainDeadline)) {
            Thread.sleep(500);
        }
        int hung = 0;
        for (Node node : NODES.values()) {
            hung += ThreadDumps.stuckInDatabase(node.pid());
        }
        Map<String, Long> figures = reconciliation.reconcile(load, RUN_ID, CLIENT,
                NODES.values().stream().map(Node::log).toList());
        Map<String, String> stored = reconciliation.storedKeys(RUN_ID, CLIENT);
        String report = FaultReport.render(RATE, loadStart, loadEnd, load, faults, figures, stored, RUN_ID)
                + String.format("  %-62s %d%n", "request threads hung in the driver or pool after the run", hung);
        System.out.println(report);
        Files.writeString(Path.of("target", "faults-report.txt"), report);

        for (String zero : List.of("acknowledged but not stored (lost)", "acknowledged with another entry than stored",
                "entries stored without their key (stored twice)", "entries without exactly one entry-added event",
                "outbox events unpublished", "outbox events missing from the topic", "topic events not in the outbox",
                "case-projection: events not applied (lost)", "dashboard: events not applied (lost)",
                "stream-journal: events not applied (lost)", "case-projection: applied twice", "dashboard: applied twice",
                "stream-journal: applied twice", "case-projection: concern facts vs concern entries",
                "dashboard: chronology rows vs entries", "dead-lettered (assessment-events.dlq)")) {
            assertEquals(0L, figures.get(zero), zero);
        }
        assertEquals(0, hung, "request threads inside the driver or the pool with no load running (hung)");
        for (Fault fault : faults) {
            String failed = fault.measured().get("FAILED");
            assertTrue(failed == null, fault.name() + ": " + failed);
        }
    }

    /** kill -9 of the broker; writes must still be acknowledged (the outbox holds the events) and the backlog drain. */
    private void killKafka(WriteLoad load, Reconciliation reconciliation) throws Exception {
        long start = CLOCK.ms();
        kafka.kill();
        Thread.sleep(KAFKA_DOWN.toMillis());
        long downEnd = CLOCK.ms();
        List<UUID> backlog = reconciliation.outboxEvents();
        int unpublished = reconciliation.unpublished();
        kafka.start();
        long restarted = CLOCK.ms();
        Long published = null;
        Long caughtUp = null;
        Instant deadline = Instant.now().plusSeconds(240);
        while (caughtUp == null && Instant.now().isBefore(deadline)) {
            Map<String, Integer> pending = reconciliation.pending(backlog);
            if (published == null && pending.get("unpublished") == 0) {
                published = CLOCK.ms() - restarted;
            }
            if (pending.values().stream().allMatch(n -> n == 0)) {
                caughtUp = CLOCK.ms() - restarted;
            } else {
                Thread.sleep(250);
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        var during = FaultReport.attemptsBetween(load, start, downEnd);
        long not2xx = during.stream().filter(a -> a.status() / 100 != 2).count();
        m.put("attempts while down", during.size() + ", of which not 2xx: " + not2xx);
        m.put("outbox backlog when the broker returned", unpublished + " unpublished events");
        m.put("backlog published after return", published == null ? "NOT within 240 s" : published + " ms");
        m.put("consumers caught up after return", caughtUp == null ? "NOT within 240 s" : caughtUp + " ms");
        if (caughtUp != null) {
            m.put("drain rate", String.format("%.0f events/s", unpublished * 1000.0 / Math.max(1, caughtUp)));
        }
        if (not2xx > 0 || caughtUp == null) {
            m.put("FAILED", not2xx + " writes not acknowledged while Kafka was down; caught up: " + caughtUp);
        }
        Thread.sleep(SETTLE.toMillis());
        faults.add(new Fault("Kafka broker, kill -9, down " + KAFKA_DOWN.toSeconds() + " s", start, CLOCK.ms(), m));
    }

    /** kill -9 of the postmaster: 503 problem+json within 2 s while it is down, a 2xx within 10 s of its return. */
    private void killPostgres(WriteLoad load) throws Exception {
        Map<String, Integer> threadsBefore = threads();
        long start = CLOCK.ms();
        postgres.kill();
        Thread.sleep(PG_DOWN.toMillis());
        long downEnd = CLOCK.ms();
        postgres.start();
        long back = CLOCK.ms();
        Long recovered = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while (recovered == null && Instant.now().isBefore(deadline)) {
            recovered = FaultReport.attemptsBetween(load, back, Long.MAX_VALUE).stream()
                    .filter(a -> a.status() / 100 == 2).mapToLong(a -> a.answeredAtMs() - back).min().stream().boxed()
                    .findFirst().orElse(null);
            Thread.sleep(100);
        }
        Thread.sleep(SETTLE.toMillis());
        // sent after the kill had taken effect, answered before PostgreSQL was back: the outage as a client saw it
        // (a 429 is the gateway's allowance for the client's retries, answered before any service: not counted here)
        var during = FaultReport.attemptsBetween(load, start + 500, downEnd).stream()
                .filter(a -> a.answeredAtMs() < back).filter(a -> a.status() != 429).toList();
        long slowest = during.stream().mapToLong(WriteLoad.Attempt::tookMs).max().orElse(0);
        long over2s = during.stream().filter(a -> a.tookMs() > 2000).count();
        long not503Problem = during.stream().filter(a -> a.status() / 100 != 2)
                .filter(a -> a.status() != 503 || !a.problemJson()).count();
        int stuck = 0;
        for (Node node : NODES.values()) {
            stuck += ThreadDumps.stuckInDatabase(node.pid());
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("answers while down", during.size() + " " + FaultReport.byStatus(during));
        m.put("slowest answer while down", slowest + " ms (" + over2s + " over 2 s)");
        m.put("not a 503 problem+json", String.valueOf(not503Problem));
        m.put("first 2xx after its return", recovered == null ? "NOT within 60 s" : recovered + " ms");
        m.put("threads before / after", threadsBefore + " / " + threads());
        m.put("request threads in JDBC in two dumps 2 s apart, under load", String.valueOf(stuck));
        // Correctness fails the test; the two time targets are measured and checked by the full run
        // (deploy/reliability/faults.sh), because on a shared machine a timed assertion fails for the machine's sake.
        if (not503Problem > 0 || recovered == null) {
            m.put("FAILED", "not 503 problem " + not503Problem + ", recovered " + recovered + " ms");
        }
        if (over2s > 0) {
            m.put(TARGET_MISSED, over2s + " answers over 2 s while PostgreSQL was down");
        }
        if (recovered != null && recovered > 10_000) {
            m.put(TARGET_MISSED + " ", "first 2xx " + recovered + " ms after PostgreSQL's return (target 10 s)");
        }
        faults.add(new Fault("PostgreSQL postmaster, kill -9, down " + PG_DOWN.toSeconds() + " s", start, CLOCK.ms(), m));
    }

    /** kill -9 of a service or the gateway, restarted at once. */
    private void killNode(Node node) throws Exception {
        long start = CLOCK.ms();
        node.kill();
        node.start();
        // a restart under the load misses its first connection now and then, as a first start does
        Duration ready = node.awaitStarted(Duration.ofSeconds(360), 5);
        Thread.sleep(SETTLE.toMillis());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ready again after", ready.toMillis() + " ms");
        faults.add(new Fault(node.name() + ", kill -9, restarted", start, CLOCK.ms(), m));
    }

    private static Map<String, Integer> threads() throws IOException {
        Map<String, Integer> threads = new LinkedHashMap<>();
        for (Node node : NODES.values()) {
            threads.put(node.name().replace("-service", "").replace("-content", ""), node.threads());
        }
        return threads;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
