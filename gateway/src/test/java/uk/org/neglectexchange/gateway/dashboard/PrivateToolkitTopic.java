package uk.org.neglectexchange.gateway.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Points the dashboard's toolkit consumer at a topic of this test run's own. Editions are global per family: one
 * made up by a test on the shared test.toolkit-events would become the current edition in other engineers' service
 * tests (and start their D9 clocks), so toolkit events stay on a private topic.
 */
public class PrivateToolkitTopic implements QuarkusTestProfile {

    static final String TOPIC = "test." + System.getenv().getOrDefault("NX_GATEWAY_TEST_DB", "nx_gateway_test")
            + ".dashboard-toolkit-events";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.dashboard-toolkit-events.topic", TOPIC,
                "mp.messaging.incoming.dashboard-toolkit-events.dead-letter-queue.topic", TOPIC + ".dlq");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Topics.class));
    }

    /** Creates the topic and its DLQ once; the broker does not create topics on first use. */
    public static class Topics implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP",
                    "127.0.0.1:9092"));
            try (Admin admin = Admin.create(props)) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(TOPIC + ".dlq", 1, (short) 1))
                        .stream().filter(topic -> !existing.contains(topic.name())).toList();
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not create " + TOPIC, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
