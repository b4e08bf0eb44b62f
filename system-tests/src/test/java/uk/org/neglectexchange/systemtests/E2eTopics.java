package uk.org.neglectexchange.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Empty topics for each end-to-end run, from the same topic list deploy/bin/up uses, so runs cannot see each other. */
public final class E2eTopics {

    private E2eTopics() {
    }

    public static void recreate(Path topicList, String prefix) throws IOException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(topicList)) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                continue;
            }
            topics.add(new NewTopic(prefix + parts[0], Integer.parseInt(parts[1]), (short) 1));
            topics.add(new NewTopic(prefix + parts[0] + ".dlq", 1, (short) 1));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            Set<String> names = topics.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toSet());
            Set<String> existing = admin.listTopics().names().get();
            admin.deleteTopics(existing.stream().filter(names::contains).toList()).all().get();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (admin.listTopics().names().get().stream().anyMatch(names::contains)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("old e2e topics were not deleted within 30 s");
                }
                Thread.sleep(200);
            }
            createWhenDeletionSettled(admin, topics, deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not recreate the e2e topics", e);
        }
    }

    /** A topic that was just deleted may still be "marked for deletion" for a moment. */
    private static void createWhenDeletionSettled(Admin admin, List<NewTopic> topics, Instant deadline)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                admin.createTopics(topics).all().get();
                return;
            } catch (ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Set<String> created = admin.listTopics().names().get();
                topics = topics.stream().filter(t -> !created.contains(t.name())).toList();
                Thread.sleep(300);
            }
        }
    }

    private static String bootstrap() {
        return System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }
}
