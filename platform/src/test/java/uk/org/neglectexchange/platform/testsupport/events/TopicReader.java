package uk.org.neglectexchange.platform.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a real topic from its current end, as a downstream consumer would, to see what the service publishes. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    /** Records polled but not yet handed out: one poll may bring several. */
    private final Deque<ConsumerRecord<String, String>> polled = new ArrayDeque<>();

    public TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The topic the module's outbox relay publishes to ({@code mp.messaging.outgoing.outbox.topic}). */
    public static TopicReader outbox() {
        return new TopicReader(ConfigProvider.getConfig().getValue("mp.messaging.outgoing.outbox.topic", String.class));
    }

    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (polled.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(polled::add);
            }
            while (!polled.isEmpty()) {
                ConsumerRecord<String, String> record = polled.poll();
                if (wanted.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    /** The first record of this type with this key, or an AssertionError naming both. */
    public ConsumerRecord<String, String> awaitEvent(String type, String key, Duration within) {
        return await(r -> key.equals(r.key()) && type.equals(header(r, "ce_type")), within)
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key + " within " + within));
    }

    /** A header's last value as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
