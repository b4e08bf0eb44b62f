package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of the fault run's own (never the shared one), so its postmaster can be killed: initdb into a
 * fresh directory, trust authentication on 127.0.0.1 and a free port, one role and database per service. The server
 * refuses to run as root, so as root every command runs as the {@code postgres} OS user.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Path log;
    private final Path commandLog;

    /** {@code dir} must be reachable by the postgres OS user (a directory under /tmp is). */
    OwnPostgres(Path bin, Path dir, int port, Path commandLog) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("postgres.log");
        this.commandLog = commandLog;
    }

    /** The newest PostgreSQL server installed the Debian way ({@code /usr/lib/postgresql/<major>/bin}). */
    static String newestBinaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin").toString()).orElse("/usr/lib/postgresql/15/bin");
        } catch (IOException none) {
            return "/usr/lib/postgresql/15/bin";
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void initialise() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (runningAsRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "-E", "UTF8", "--no-sync")));
    }

    void start() throws IOException, InterruptedException {
        // a killed postmaster's backends may still hold its shared memory for a moment: try again until they are gone
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            int exit = exec(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-l", log.toString(), "-w", "-t", "30", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200", "start")));
            if (exit == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL did not start; log: " + log);
            }
            Thread.sleep(500);
        }
    }

    /** kill -9 of the postmaster; its backends notice and exit by themselves. */
    long kill() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return pid;
    }

    void createServiceDatabase(String owner, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                var s = c.createStatement()) {
            s.execute("create role " + owner + " login password '" + owner + "-dev-only'");
            s.execute("create database " + database + " owner " + owner);
        }
    }

    void createDatabase(String owner, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                var s = c.createStatement()) {
            s.execute("create database " + database + " owner " + owner);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "stop")));
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asOwner(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        if (exec(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "; see " + commandLog);
        }
    }

    private int exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()))
                .start();
        return process.waitFor();
    }
}
