package uk.org.neglectexchange.escalation.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends records to the real assessment-events topic the way the assessment service's outbox relay does. */
public final class AssessmentEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.assessment-events.topic", String.class);

    public AssessmentEventSender() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    public String topic() {
        return topic;
    }

    /** A CloudEvent in binary mode, keyed by childRef, with the partnership extension. */
    public void send(UUID id, String type, String childRef, String partnership, String data) throws Exception {
        send(id, type, childRef, partnership, data, Map.of());
    }

    /** With more CloudEvents extensions, e.g. requestid and traceparent, as named without their ce_ prefix. */
    public void send(UUID id, String type, String childRef, String partnership, String data,
            Map<String, String> extensions) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, childRef, data);
        extensions.forEach((name, value) -> header(record, name, value));
        header(record, "id", id.toString());
        header(record, "specversion", "1.0");
        header(record, "type", type);
        header(record, "source", "/neglect-exchange/assessment-service");
        header(record, "subject", "child/" + childRef);
        header(record, "partnership", partnership);
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** A record no consumer can apply: data that is not JSON. */
    public void sendPoison(String childRef) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, childRef, "{not json");
        header(record, "id", UUID.randomUUID().toString());
        header(record, "specversion", "1.0");
        header(record, "type", "referral.received");
        header(record, "source", "/neglect-exchange/assessment-service");
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add("ce_" + name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A pseudonymous childRef of the exchange's form: CH- and ten of A-Z, 2-9. */
    public static String newChildRef() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder ref = new StringBuilder("CH-");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            ref.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return ref.toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
