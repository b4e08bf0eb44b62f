package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A single-node KRaft broker of the fault run's own, with the settings of deploy/lib/kafka.sh, on free ports, from
 * the broker jars deploy/bin/up caches; kill -9 and a restart on the same log directory, as a crash would.
 */
final class OwnKafka {

    private final Path libs;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private Process broker;

    OwnKafka(Path libs, Path dir, int port, int controllerPort, Path log) {
        this.libs = libs;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void format() throws IOException, InterruptedException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException(libs + " is missing: deploy/bin/up --infra-only fetches the Kafka broker once");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", ""));
        String uuid = new String(java(List.of("kafka.tools.StorageTool", "random-uuid")).start().getInputStream()
                .readAllBytes()).strip();
        Process format = java(List.of("kafka.tools.StorageTool", "format", "-t", uuid, "-c",
                dir.resolve("server.properties").toString(), "--ignore-formatted"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("kafka storage format failed; log: " + log);
        }
    }

    void start() throws IOException {
        List<String> args = new ArrayList<>(List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + Path.of("..", "deploy", "kafka", "log4j2.xml").toAbsolutePath().normalize(),
                "kafka.Kafka", dir.resolve("server.properties").toString()));
        broker = java(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** kill -9 (SIGKILL): no clean shutdown, no flush. */
    void kill() throws InterruptedException {
        broker.destroyForcibly();
        broker.waitFor();
    }

    void stop() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            if (!broker.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    /** The topics of deploy/kafka/topics.txt, unprefixed (the broker is the run's own), with their .dlq twins. */
    void createTopics(Path topicList) throws IOException, InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(topicList)) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                continue;
            }
            topics.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1));
            topics.add(new NewTopic(parts[0] + ".dlq", 1, (short) 1));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        }
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** Ready when the broker answers an admin call. */
    void awaitReady(java.time.Duration within) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, java.util.concurrent.TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException notYet) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the fault run's Kafka broker did not start; log: " + log);
                }
                Thread.sleep(300);
            }
        }
    }

    private ProcessBuilder java(List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", libs.resolve("*").toString()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }
}
