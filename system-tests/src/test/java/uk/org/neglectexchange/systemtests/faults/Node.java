package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service or the gateway as a real process from its built jar, with -D settings; its output is appended to one
 * log across restarts. {@link #kill()} is kill -9: no shutdown hook, no commit of consumer offsets, no pool close.
 */
final class Node {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    Node(String name, Path jar, int port, Map<String, String> settings, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.settings = settings;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the modules first (./mvnw install -DskipTests)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits for /q/health/ready to answer 200; returns how long it took. */
    Duration awaitReady(Duration within) throws InterruptedException {
        Instant start = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
        while (Duration.between(start, Instant.now()).compareTo(within) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; log: " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + within + "; log: " + log);
    }

    /**
     * A start (the run's first, or a restart after a kill): {@link #awaitReady}, but a process that exits before it is
     * ready is started again, up to {@code starts} starts in all. With every instance starting at once on the shared 2-core machine, a service's
     * first database connection (Flyway, at start-up) can miss its 1 s acquisition timeout, and the service exits; a
     * supervisor (Kubernetes, here the test) starts it again.
     */
    Duration awaitStarted(Duration within, int starts) throws InterruptedException, IOException {
        Instant start = Instant.now();
        for (int attempt = 1;; attempt++) {
            try {
                awaitReady(within.minus(Duration.between(start, Instant.now())));
                return Duration.between(start, Instant.now());
            } catch (IllegalStateException notReady) {
                if (process.isAlive() || attempt >= starts) {
                    throw notReady;
                }
                System.out.println(name + " exited at start-up (" + process.exitValue() + "), starting it again; log: "
                        + log);
                start();
            }
        }
    }

    /** Live threads of the process, from /proc (Linux). */
    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).strip());
            }
        }
        return -1;
    }
}
