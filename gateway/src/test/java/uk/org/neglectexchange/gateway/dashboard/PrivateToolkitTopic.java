package uk.org.neglectexchange.gateway.dashboard;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import uk.org.neglectexchange.platform.testsupport.events.Topics;

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
        return List.of(new TestResourceEntry(CreatedTopics.class));
    }

    /** Creates the topic and its DLQ once; the broker does not create topics on first use. */
    public static class CreatedTopics implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Topics.ensure(Topics.bootstrapFromEnvironment(), Map.of(TOPIC, 3, TOPIC + ".dlq", 1));
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
