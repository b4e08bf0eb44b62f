package uk.org.neglectexchange.assessment.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends records to the real toolkit-events topic the way the toolkit service's outbox relay does. */
public final class ToolkitEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.toolkit-events.topic", String.class);

    public ToolkitEventSender() {
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

    /** Sends a record with CloudEvents binary-mode headers; null header values are left out. */
    public void send(String key, Map<String, String> ceHeaders, String data) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        ceHeaders.forEach((name, value) -> {
            if (value != null) {
                record.headers().add("ce_" + name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    public void sendEditionPublished(UUID id, String data) throws Exception {
        send(data.contains("\"WS\"") ? "WS" : "HIOW", Map.of("id", id.toString(), "specversion", "1.0",
                "type", "toolkit.edition.published", "source", "/neglect-exchange/toolkit-content-service"), data);
    }

    /** Indicators of several areas and age bands: three areas for 0_4, one each for PRE_BIRTH, 5_11 and 12_17. */
    public static final String HIOW_INDICATORS = """
            [{"code": "HIOW.PHYSICAL_CARE.NUTRITION.0_4", "area": "PHYSICAL_CARE", "ageBand": "0_4"},
             {"code": "HIOW.PHYSICAL_CARE.HYGIENE.0_4", "area": "PHYSICAL_CARE", "ageBand": "0_4"},
             {"code": "HIOW.SAFETY.CARER_PRESENT.0_4", "area": "SAFETY", "ageBand": "0_4"},
             {"code": "HIOW.EMOTIONAL_CARE.WARMTH.0_4", "area": "EMOTIONAL_CARE", "ageBand": "0_4"},
             {"code": "HIOW.PHYSICAL_CARE.ANTENATAL_CARE.PRE_BIRTH", "area": "PHYSICAL_CARE", "ageBand": "PRE_BIRTH"},
             {"code": "HIOW.PHYSICAL_CARE.NUTRITION.5_11", "area": "PHYSICAL_CARE", "ageBand": "5_11"},
             {"code": "HIOW.SAFETY.ONLINE.12_17", "area": "SAFETY", "ageBand": "12_17"}]""";

    /** A valid toolkit.edition.published data document for HIOW (HSCP and IOWSCP). */
    public static String hiowEdition(String version, OffsetDateTime publishedAt, int stage4Days) {
        String settings = """
                {"escalation": {"code": "HIPS_7_3", "name": "HIPS 7.3", "stageDeadlineWorkingDays": {"1": 5, "2": 5, "3": 5, "4": %d},
                  "businessTeamNotifiedFromStage": null},
                 "drift": {"referralDecisionWorkingDays": 1, "assessmentWorkingDays": 45, "level3ReviewWeeks": 12,
                  "reReferralWindowMonths": 12, "referralsInWindow": 2, "stepDownStepUpWindowMonths": 6, "levelChangesPerYear": 3,
                  "level4AmberMonths": 9, "level4RedMonths": 21, "concernEntries": 3, "concernAgencies": 2,
                  "concernWindowDays": 90, "toolkitReviewMonths": 12}}""".formatted(stage4Days);
        return """
                {"family": "HIOW", "version": "%s", "partnerships": ["HSCP", "IOWSCP"], "publishedAt": "%s", "reviewDueOn": "%s",
                 "thresholdLevels": [{"level": 1, "code": "HIOW-L1", "name": "Universal"}, {"level": 2, "code": "HIOW-L2", "name": "Early Help"},
                   {"level": 3, "code": "HIOW-L3", "name": "Targeted Early Help"}, {"level": 4, "code": "HIOW-L4", "name": "Children's Social Care"}],
                 "neglectCategories": ["EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION"],
                 "indicators": %s,
                 "practiceApproaches": ["HEAR_THE_CHILD", "TAKE_LONG_TERM_VIEW"],
                 "partnershipSettings": {"HSCP": %s, "IOWSCP": %s}}
                """.formatted(version, publishedAt, LocalDate.from(publishedAt).plusMonths(12), HIOW_INDICATORS, settings, settings);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        producer.close();
    }
}
