package uk.org.neglectexchange.systemtests.consumers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import uk.org.neglectexchange.systemtests.SuiteProcesses;

/** The run's topics (prefixed, see SuiteProcesses): how many records each holds, and reading one from the start. */
final class SuiteTopics {

    static final List<String> TOPICS = List.of("toolkit-events", "assessment-events", "escalation-events");

    private SuiteTopics() {
    }

    static String bootstrap() {
        return System.getenv().getOrDefault("NX_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    static String prefixed(String topic) {
        return SuiteProcesses.topicPrefix() + topic;
    }

    /** Records per topic (end minus start offset of each partition): the producers are idempotent, not transactional. */
    static Map<String, Long> recordCounts() {
        try (Admin admin = admin()) {
            Map<String, Long> counts = new HashMap<>();
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = new ArrayList<>();
                admin.describeTopics(List.of(prefixed(topic))).allTopicNames().get().get(prefixed(topic)).partitions()
                        .forEach(p -> partitions.add(new TopicPartition(prefixed(topic), p.partition())));
                long count = offsets(admin, partitions, OffsetSpec.latest()) - offsets(admin, partitions, OffsetSpec.earliest());
                counts.put(topic, count);
            }
            return counts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not count the run's records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the topics a replayed service publishes into, so what it derives again stays out of the run's topics. */
    static void createIfMissing(List<String> names, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of a (full) topic, from the start. */
    static List<ConsumerRecord<String, String>> readAll(String fullName) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(fullName).stream()
                    .map(p -> new TopicPartition(fullName, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static long offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return Admin.create(props);
    }
}
