package uk.org.neglectexchange.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the three services, as built earlier in the reactor, as real processes for the gateway's end-to-end tests:
 * their own {@code nx_*_e2e} databases (cleaned), fresh {@code e2e.}-prefixed topics, and the running Kafka and Keycloak.
 * The gateway under test is pointed at them.
 */
public class SuiteProcesses implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();
    /** Names this run's topics and databases; parallel checkouts set NX_E2E_ID to stay out of each other's way. */
    private static final String RUN_NAME = System.getenv().getOrDefault("NX_E2E_ID", "e2e");
    private static final String TOPIC_PREFIX = RUN_NAME + ".";

    /** Route name in the gateway's config, module, database. */
    private record Service(String route, String module, String database) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("toolkit", "toolkit-content-service", "nx_toolkit_" + RUN_NAME),
            new Service("assessment", "assessment-service", "nx_assessment_" + RUN_NAME),
            new Service("escalation", "escalation-service", "nx_escalation_" + RUN_NAME));

    private final List<Process> processes = new ArrayList<>();

    /** This run's databases: the three services' and the gateway's own. */
    public static List<String> databases() {
        List<String> names = new ArrayList<>(SERVICES.stream().map(Service::database).toList());
        names.add("nx_gateway_" + RUN_NAME);
        return names;
    }

    public static String topicPrefix() {
        return TOPIC_PREFIX;
    }

    /** NX_E2E_ID, or "e2e": what this run's databases and topics are named after. */
    public static String runName() {
        return RUN_NAME;
    }

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(LOGS);
            E2eTopics.recreate(ROOT.resolve("deploy/kafka/topics.txt"), TOPIC_PREFIX);
            Map<String, String> routes = new HashMap<>();
            Map<Service, Integer> ports = new HashMap<>();
            String runId = UUID.randomUUID().toString().substring(0, 8);
            for (Service service : SERVICES) {
                int port = freePort();
                ports.put(service, port);
                processes.add(launch(service, port, runId));
                routes.put("nx.routes.services." + service.route() + ".url", "http://127.0.0.1:" + port);
            }
            for (int i = 0; i < SERVICES.size(); i++) {
                awaitReady(SERVICES.get(i), ports.get(SERVICES.get(i)), processes.get(i));
            }
            // The gateway under test reads the same fresh topics into its own e2e database.
            routes.put("nx.topic-prefix", TOPIC_PREFIX);
            routes.put("nx.consumer-group", "gateway-" + RUN_NAME + "-" + runId);
            routes.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + databases().get(SERVICES.size()));
            return routes;
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the services already started must not outlive a start that failed (one not ready, say)
            stop();
            throw new IllegalStateException("could not start the suite for end-to-end tests", e);
        }
    }

    private Process launch(Service service, int port, String runId) throws IOException {
        Path jar = ROOT.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the gateway's end-to-end tests run the services built "
                    + "before it in the reactor (./mvnw verify from the project root)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + service.database(),
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.flyway.clean-at-start=true",
                "-Dnx.topic-prefix=" + TOPIC_PREFIX,
                "-Dnx.identity.allow-test-nhs-numbers=true",
                "-Dnx.consumer-group=" + service.module() + "-" + RUN_NAME + "-" + runId,
                "-jar", jar.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                // appended: each suite class starts the services again, and the privacy scan reads every start's log
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(service.module() + ".log").toFile()))
                .start();
    }

    private void awaitReady(Service service, int port, Process process) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        // a service that starts in seconds alone took 129 s on the shared 2-core machine under a load average of 30
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited at start-up; log: "
                        + LOGS.resolve(service.module() + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.module() + " was not ready within 240 s; log: "
                + LOGS.resolve(service.module() + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
