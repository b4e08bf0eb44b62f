package uk.org.neglectexchange.systemtests.webhooks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import uk.org.neglectexchange.systemtests.SuiteProcesses;

/**
 * The suite's gateway killed with kill -9 (no shutdown hook, no commit, no lease given back) and started again on the
 * same port with the same settings, but without Flyway's clean at start: the restarted gateway finds its database as
 * the killed one left it. The killed process is the suite's ({@link SuiteProcesses} started it as a child of this
 * JVM, with its port on its command line); the restarted one is this class's, and {@link #close()} stops it. Its
 * output is appended to the suite's {@code target/e2e-logs/gateway.log}.
 */
final class GatewayRestart implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOG = Path.of("target", "e2e-logs", "gateway.log").toAbsolutePath();

    private final SuiteProcesses suite;
    private final Map<String, String> environment;
    private Process restarted;

    /** {@code environment}: set in the restarted gateway's environment, as the suite's launcher sets it. */
    GatewayRestart(SuiteProcesses suite, Map<String, String> environment) {
        this.suite = suite;
        this.environment = Map.copyOf(environment);
    }

    /** kill -9 of whichever gateway process serves the suite's port now; returns once it has exited. */
    void kill() throws Exception {
        ProcessHandle gateway = restarted != null && restarted.isAlive() ? restarted.toHandle()
                : ProcessHandle.current().children().filter(this::servesTheSuitesPort).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no gateway process on port " + suite.gatewayPort()));
        gateway.destroyForcibly(); // SIGKILL
        gateway.onExit().get(30, TimeUnit.SECONDS);
    }

    /**
     * Starts the gateway again on the same port and database (not cleaned) and waits until it is ready; a process that
     * exits before it is ready is started again, as the suite does at its first start (3 starts in all).
     */
    void start() throws IOException {
        Map<String, String> config = new LinkedHashMap<>(suite.gatewayConfig());
        config.put("quarkus.flyway.clean-at-start", "false");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + suite.gatewayPort()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar").toString()));
        Files.createDirectories(LOG.getParent());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(suite.gatewayUrl().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        for (int starts = 1;; starts++) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            restarted = process;
            await("the restarted gateway ready").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> !process.isAlive()
                            || http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            if (process.isAlive()) {
                return;
            }
            if (starts == 3) {
                throw new IllegalStateException("the restarted gateway exited at start-up 3 times; log: " + LOG);
            }
            System.out.println("system tests: the restarted gateway exited at start-up (" + process.exitValue()
                    + "), starting it again; log: " + LOG);
        }
    }

    private boolean servesTheSuitesPort(ProcessHandle process) {
        String port = "-Dquarkus.http.port=" + suite.gatewayPort();
        return process.info().arguments().map(args -> Arrays.asList(args).contains(port)).orElse(false)
                && process.info().arguments().map(args -> String.join(" ", args).contains("gateway")).orElse(false);
    }

    /** Stops the restarted gateway, if any (the suite stops its own). */
    @Override
    public void close() {
        if (restarted == null) {
            return;
        }
        restarted.destroy();
        try {
            if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        } catch (InterruptedException e) {
            restarted.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
