package uk.org.neglectexchange.platform.testsupport.events;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics a test needs of its own; the broker creates none on first use (auto.create.topics.enable=false). */
public final class Topics {

    private Topics() {
    }

    /** NX_KAFKA_BOOTSTRAP or 127.0.0.1:9092: for use before the application's config can be read. */
    public static String bootstrapFromEnvironment() {
        return System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    /** Creates those of the topics (name → partitions, replication 1) that do not exist yet. */
    public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream().filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + partitionsByTopic.keySet(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
