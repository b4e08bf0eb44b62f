package uk.org.neglectexchange.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole suite as real processes, each from the {@code target/quarkus-app/quarkus-run.jar} its module built earlier
 * in the reactor: the three services and the gateway in front of them, on their own {@code nx_*_<run>} databases
 * (cleaned at start), fresh {@code <run>.}-prefixed topics, and the running Kafka and Keycloak. Each process's output
 * is appended to {@code target/e2e-logs/<module>.log}, which deploy/reliability/privacy-scan.sh scans.
 */
public final class SuiteProcesses implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();
    /** Names this run's topics and databases; parallel checkouts set NX_E2E_ID to stay out of each other's way. */
    private static final String RUN_NAME = System.getenv().getOrDefault("NX_E2E_ID", "e2e");
    private static final String TOPIC_PREFIX = RUN_NAME + ".";
    /** A service that starts in seconds alone took 129 s on the shared 2-core machine under a load average of 30. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    /**
     * Starts of one process before the suite gives up. On the shared 2-core machine under load, a service's first
     * database connection at start-up (Flyway's clean) can take longer than its 1 s acquisition timeout, and the
     * service exits: it is started again, with the same settings, rather than failing the whole test class.
     */
    private static final int STARTS = 3;

    /**
     * What the gateway's {@code %test} profile gave the gateway under test while it ran in-process (under
     * {@code @QuarkusTest}), beyond what any gateway of the suite is given: BadInputTest's throttled client, a quick
     * heartbeat and a small client buffer on the event stream. The system tests' gateway gets them as well
     * ({@link SuiteExtension}); the replay's gateways never had them.
     */
    public static final Map<String, String> AS_UNDER_TEST = Map.of(
            "nx.limits.clients.\"wsscp-education\".requests-per-second", "0.01",
            "nx.limits.clients.\"wsscp-education\".burst", "3",
            "nx.stream.heartbeat", "1s",
            "nx.stream.client-buffer", "50");

    /** Route name in the gateway's config, module, database. */
    private record Service(String route, String module, String database) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("toolkit", "toolkit-content-service", "nx_toolkit_" + RUN_NAME),
            new Service("assessment", "assessment-service", "nx_assessment_" + RUN_NAME),
            new Service("escalation", "escalation-service", "nx_escalation_" + RUN_NAME));
    private static final Service GATEWAY = new Service(null, "gateway", "nx_gateway_" + RUN_NAME);

    private final Map<Service, Launched> processes = new LinkedHashMap<>();
    private final Map<String, String> gatewayConfig = new LinkedHashMap<>();
    private int gatewayPort;

    private SuiteProcesses() {
    }

    /** This run's databases: the three services' and the gateway's own. */
    public static List<String> databases() {
        List<String> names = new ArrayList<>(SERVICES.stream().map(Service::database).toList());
        names.add(GATEWAY.database());
        return names;
    }

    public static String topicPrefix() {
        return TOPIC_PREFIX;
    }

    /** NX_E2E_ID, or "e2e": what this run's databases and topics are named after. */
    public static String runName() {
        return RUN_NAME;
    }

    /** The realm the suite's processes verify tokens against (their default: NX_KEYCLOAK_URL, as deploy/bin sets it). */
    public static String realmUrl() {
        return System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180") + "/realms/neglect-exchange";
    }

    /**
     * Fresh topics, then the three services and the gateway, started together and awaited until each is ready.
     * {@code gatewayExtras} go to the gateway on top of the suite's own settings ({@link #gatewayConfig()}).
     */
    public static SuiteProcesses start(Map<String, String> gatewayExtras) {
        SuiteProcesses suite = new SuiteProcesses();
        try {
            Files.createDirectories(LOGS);
            E2eTopics.recreate(ROOT.resolve("deploy/kafka/topics.txt"), TOPIC_PREFIX);
            String runId = UUID.randomUUID().toString().substring(0, 8);
            for (Service service : SERVICES) {
                int port = freePort();
                suite.processes.put(service, new Launched(service, port, serviceConfig(service, runId)));
                suite.gatewayConfig.put("nx.routes.services." + service.route() + ".url", "http://127.0.0.1:" + port);
            }
            // The gateway reads the same fresh topics into its own database of the run.
            suite.gatewayConfig.put("nx.topic-prefix", TOPIC_PREFIX);
            suite.gatewayConfig.put("nx.consumer-group", "gateway-" + RUN_NAME + "-" + runId);
            suite.gatewayConfig.put("quarkus.datasource.jdbc.url", jdbcUrl(GATEWAY.database()));
            suite.gatewayConfig.put("quarkus.flyway.clean-disabled", "false");
            suite.gatewayConfig.put("quarkus.flyway.clean-at-start", "true");
            suite.gatewayConfig.put("quarkus.oidc.auth-server-url", realmUrl());
            suite.gatewayConfig.putAll(gatewayExtras);
            suite.gatewayPort = freePort();
            suite.processes.put(GATEWAY, new Launched(GATEWAY, suite.gatewayPort, suite.gatewayConfig));
            for (Launched started : suite.processes.values()) {
                started.awaitReady();
            }
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the processes already started must not outlive a start that failed (one not ready, say)
            suite.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start the suite for the system tests", e);
        }
    }

    /** The gateway's settings as passed to it (-D), the routes to the three services among them. */
    public Map<String, String> gatewayConfig() {
        return Map.copyOf(gatewayConfig);
    }

    /** The gateway's base URL, with a trailing slash: {@code http://127.0.0.1:<port>/}. */
    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + gatewayPort + "/");
    }

    /** A URL of the gateway, as {@code @TestHTTPResource(path)} gave it under {@code @QuarkusTest}. */
    public URL url(String path) {
        try {
            return gatewayUrl().resolve(path).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** The URL the gateway routes {@code route} (toolkit, assessment, escalation) to. */
    public String serviceUrl(String route) {
        String url = gatewayConfig.get("nx.routes.services." + route + ".url");
        if (url == null) {
            throw new IllegalArgumentException("no service " + route + " in the suite");
        }
        return url;
    }

    private static Map<String, String> serviceConfig(Service service, String runId) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(service.database()));
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.flyway.clean-at-start", "true");
        config.put("nx.topic-prefix", TOPIC_PREFIX);
        config.put("nx.identity.allow-test-nhs-numbers", "true");
        config.put("nx.consumer-group", service.module() + "-" + RUN_NAME + "-" + runId);
        if (service.module().equals("assessment-service")) {
            String keys = IdentityKeyStores.of(service.database());
            IdentityKeyStores.ensure(keys);
            config.putAll(IdentityKeyStores.settings(jdbcUrl(keys), true));
        }
        return config;
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    /** One process of the suite: started at once, started again if it exits before it is ready. */
    private static final class Launched {

        private final Service service;
        private final int port;
        private final Map<String, String> config;
        private Process process;
        private int starts;

        Launched(Service service, int port, Map<String, String> config) throws IOException {
            this.service = service;
            this.port = port;
            this.config = Map.copyOf(config);
            launch();
        }

        private void launch() throws IOException {
            Path jar = ROOT.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: the system tests run the services built before "
                        + "them in the reactor (./mvnw verify from the project root, or ./mvnw install -DskipTests first)");
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port));
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            starts++;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // appended: each test class starts the suite again, and the privacy scan reads every start's log
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            if (service.equals(GATEWAY)) {
                // webhooks over plain http to loopback, where the tests' receivers listen (and the integration
                // guide's); production leaves both unset: https to public addresses only
                builder.environment().put("NX_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
                builder.environment().put("NX_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
            }
            process = builder.start();
        }

        private Path log() {
            return LOGS.resolve(service.module() + ".log");
        }

        void awaitReady() throws IOException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build();
            Instant deadline = Instant.now().plus(READY_WITHIN);
            while (true) {
                try {
                    // ready, or exited (then started again below)
                    Duration left = Duration.between(Instant.now(), deadline);
                    await(service.module() + " ready").atMost(left.isNegative() ? Duration.ofSeconds(1) : left)
                            .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                            .until(() -> !process.isAlive()
                                    || http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                } catch (ConditionTimeoutException e) {
                    throw new IllegalStateException(service.module() + " was not ready within "
                            + READY_WITHIN.toSeconds() + " s; log: " + log(), e);
                }
                if (process.isAlive()) {
                    return;
                }
                if (starts >= STARTS) {
                    throw new IllegalStateException(service.module() + " exited at start-up " + starts
                            + " times; log: " + log());
                }
                System.out.println("system tests: " + service.module() + " exited at start-up (" + process.exitValue()
                        + "), starting it again; log: " + log());
                launch();
            }
        }

        void stop() {
            process.destroy();
        }

        void awaitStopped() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the gateway first (it consumes what the services publish), then the services. */
    @Override
    public void close() {
        List<Launched> stopping = new ArrayList<>(processes.values()).reversed();
        stopping.forEach(Launched::stop);
        stopping.forEach(Launched::awaitStopped);
        processes.clear();
    }
}
