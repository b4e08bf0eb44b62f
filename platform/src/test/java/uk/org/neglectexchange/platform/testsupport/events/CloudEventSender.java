package uk.org.neglectexchange.platform.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends records to real topics the way the services' outbox relays do: CloudEvents in Kafka binary mode (each
 * attribute a {@code ce_} header, {@code datacontenttype} the {@code content-type} header), acks=all, each send
 * waited for. The senders of one topic's events (a service's own, or {@link ToolkitEventSender}) build on it.
 */
public class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    /** A producer to the module's {@code kafka.bootstrap.servers}. */
    public CloudEventSender() {
        this(Map.of());
    }

    /** With more producer settings (e.g. {@code max.request.size}). */
    public CloudEventSender(Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(settings);
        producer = new KafkaProducer<>(props);
    }

    /** The topic a module's consumer of this channel reads ({@code mp.messaging.incoming.<channel>.topic}). */
    public static String incomingTopic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    /** The required attributes of a CloudEvent (specversion 1.0), in a map the caller may add to. */
    public static Map<String, String> attributes(Object id, String type, String source) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", String.valueOf(id));
        attributes.put("type", type);
        attributes.put("source", source);
        return attributes;
    }

    /** A CloudEvent in binary mode: each attribute as a header; attributes whose value is null are left out. */
    public void send(String topic, String key, Map<String, String> attributes, String data) {
        Map<String, String> headers = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null) {
                headers.put(name.equals("datacontenttype") ? "content-type" : "ce_" + name, value);
            }
        });
        sendRecord(topic, key, data, headers);
    }

    /** A record with exactly these headers, e.g. one that is no CloudEvent at all. */
    public void sendRecord(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the test record for " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
