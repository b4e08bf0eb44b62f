package uk.org.neglectexchange.gateway.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.testsupport.ChildRefs;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

/**
 * Publishes CloudEvents (binary mode) as the services do, with data valid against docs/events, for the dashboard
 * tests. Each event has a fresh id unless one is given (to deliver the same event twice).
 */
final class DashboardEvents implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventSender sender = new CloudEventSender();
    private final Admin admin;

    DashboardEvents() {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers"));
        this.admin = Admin.create(adminProps);
    }

    static String childRef() {
        return ChildRefs.random();
    }

    /** An agency code no other test uses, so counts under it are exact even on shared topics. */
    static String agency() {
        StringBuilder code = new StringBuilder("TEST_AGENCY_");
        for (int i = 0; i < 8; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }

    /** Publishes and waits for the broker's acknowledgement; returns the event id. */
    UUID send(String topic, String key, String type, Map<String, ?> data) {
        return send(topic, key, type, data, UUID.randomUUID());
    }

    UUID send(String topic, String key, String type, Map<String, ?> data, UUID id) {
        var attributes = CloudEventSender.attributes(id, type, "/neglect-exchange/gateway-dashboard-test");
        attributes.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        attributes.put("subject", key);
        attributes.put("datacontenttype", "application/json");
        try {
            sender.send(topicOf(topic), key, attributes, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
        return id;
    }

    /** A raw record, for poison tests. */
    void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        sender.sendRecord(topicOf(topic), key, value, headers);
    }

    UUID assessmentCompleted(String childRef, String partnership, String category, int level, List<String> agencies,
            LocalDate completedOn) {
        return assessmentCompleted(childRef, partnership, category, level, agencies, completedOn, UUID.randomUUID());
    }

    UUID assessmentCompleted(String childRef, String partnership, String category, int level, List<String> agencies,
            LocalDate completedOn, UUID eventId) {
        Map<String, Object> data = new LinkedHashMap<>();
        UUID series = UUID.randomUUID();
        data.put("assessmentId", UUID.nameUUIDFromBytes((eventId + "a").getBytes(StandardCharsets.UTF_8)).toString());
        data.put("seriesId", series.toString());
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("completedOn", completedOn.toString());
        data.put("primaryCategory", category);
        data.put("otherCategories", List.of());
        data.put("thresholdLevel", level);
        data.put("ageBand", "5_11");
        data.put("contributingAgencies", agencies);
        data.put("version", 1);
        return send("assessment-events", childRef, "assessment.completed", data, eventId);
    }

    UUID thresholdChanged(String childRef, String partnership, Integer from, int to, LocalDate changedOn, UUID eventId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("fromLevel", from);
        data.put("toLevel", to);
        data.put("changedOn", changedOn.toString());
        data.put("assessmentId", UUID.randomUUID().toString());
        return send("assessment-events", childRef, "threshold.changed", data, eventId);
    }

    void childTransferred(String childRef, String from, String to, OffsetDateTime at) {
        send("assessment-events", childRef, "child.transferred", Map.of("childRef", childRef, "partnership", to,
                "fromPartnership", from, "toPartnership", to, "transferredOn", at.toLocalDate().toString(),
                "transferredAt", at.toString(), "reason", "FAMILY_MOVED", "byAgency", "CHILDRENS_SERVICES"));
    }

    /** Keyed by the duplicate, as assessment-service publishes it. */
    void childMerged(String mergedRef, String survivingRef, String partnership) {
        send("assessment-events", mergedRef, "child.merged", Map.of("childRef", survivingRef, "partnership", partnership,
                "mergedChildRef", mergedRef, "survivingChildRef", survivingRef,
                "mergedAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
    }

    void childRegistered(String childRef, String partnership, String leadAgency) {
        send("assessment-events", childRef, "child.registered", Map.of("childRef", childRef, "partnership", partnership,
                "leadAgency", leadAgency, "ageBand", "5_11", "registeredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
    }

    /** The tombstone, keyed by the child as assessment-service publishes it. */
    UUID childErased(String childRef, String partnership) {
        return send("assessment-events", childRef, "child.erased", Map.of("childRef", childRef, "partnership", partnership,
                "erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString(), "retentionClass", "DPO_INSTRUCTION"));
    }

    UUID caseClosed(String childRef, String partnership, LocalDate closedOn) {
        UUID closure = UUID.randomUUID();
        send("assessment-events", childRef, "case.closed", Map.of("closureId", closure.toString(), "childRef", childRef,
                "partnership", partnership, "agency", "CHILDRENS_SERVICES", "closedOn", closedOn.toString(),
                "closureReason", "NEEDS_MET", "recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
        return closure;
    }

    void chronologyEntry(String childRef, String partnership, String agency, UUID entryId, UUID supersedes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", entryId.toString());
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("agency", agency);
        data.put("type", "CONCERN");
        data.put("occurredOn", LocalDate.now().toString());
        data.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        if (supersedes != null) {
            data.put("supersedes", supersedes.toString());
        }
        send("assessment-events", childRef, "chronology.entry-added", data);
    }

    /** A child protection plan's start (end null) or end, as assessment-service sends it. */
    void plan(String childRef, String partnership, UUID planId, String kind, String category, LocalDate start, LocalDate end) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", planId.toString());
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("agency", "CHILDRENS_SERVICES");
        data.put("kind", kind);
        if (category != null) {
            data.put("category", category);
        }
        data.put("startDate", start.toString());
        if (end == null) {
            data.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            send("assessment-events", childRef, "child.plan-started", data);
        } else {
            data.put("endDate", end.toString());
            data.put("endReason", "STEPPED_DOWN");
            data.put("endedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            send("assessment-events", childRef, "child.plan-ended", data);
        }
    }

    UUID drift(String type, UUID alertId, String rule, String childRef, String partnership, LocalDate detectedOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alertId.toString());
        data.put("rule", rule);
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("severity", "AMBER");
        data.put("evidence", List.of(Map.of("kind", "REFERRAL", "id", UUID.randomUUID().toString(),
                "eventId", UUID.randomUUID().toString(), "on", detectedOn.toString())));
        data.put("practiceApproach", "CHALLENGE_DRIFT_AND_DELAY");
        data.put("detectedOn", detectedOn.toString());
        if (type.equals("drift.cleared")) {
            data.put("clearedOn", LocalDate.now().toString());
        }
        return send("escalation-events", childRef, type, data);
    }

    void escalationRaised(UUID id, String childRef, String partnership, int stage, LocalDate deadline) {
        Map<String, Object> data = escalation(id, childRef, partnership);
        data.put("type", "PROFESSIONAL_DISAGREEMENT");
        data.put("currentRisk", "MEDIUM");
        data.put("procedureCode", "HIPS_7_3");
        data.put("stage", stage);
        data.put("stagesSkipped", false);
        data.put("stageStartedOn", deadline.minusDays(7).toString());
        data.put("deadline", deadline.toString());
        data.put("deadlineShortened", false);
        data.put("raisedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        send("escalation-events", childRef, "escalation.raised", data);
    }

    void escalationStageChanged(UUID id, String childRef, String partnership, int from, int to, LocalDate deadline) {
        Map<String, Object> data = escalation(id, childRef, partnership);
        data.put("fromStage", from);
        data.put("toStage", to);
        data.put("cause", "ESCALATED");
        data.put("stageStartedOn", LocalDate.now().toString());
        data.put("deadline", deadline.toString());
        data.put("deadlineShortened", false);
        send("escalation-events", childRef, "escalation.stage-changed", data);
    }

    void escalationResolved(UUID id, String childRef, String partnership, int stage) {
        Map<String, Object> data = escalation(id, childRef, partnership);
        data.put("stage", stage);
        data.put("resolvedOn", LocalDate.now().toString());
        data.put("resolvedByAgency", "HEALTH");
        send("escalation-events", childRef, "escalation.resolved", data);
    }

    /** escalation.transferred: an open escalation moved with its child, with its new deadline. */
    void escalationTransferred(UUID id, String childRef, String from, String to, int stage, LocalDate deadline) {
        Map<String, Object> data = escalation(id, childRef, to);
        data.put("fromPartnership", from);
        data.put("toPartnership", to);
        data.put("procedureCode", "PAN_SUSSEX_7_2");
        data.put("stage", stage);
        data.put("stageStartedOn", deadline.minusDays(7).toString());
        data.put("deadline", deadline.toString());
        data.put("deadlineShortened", false);
        data.put("transferredOn", LocalDate.now().toString());
        send("escalation-events", childRef, "escalation.transferred", data);
    }

    /** escalation.closed: closed as its child moved, the receiving procedure unable to take it. */
    void escalationClosed(UUID id, String childRef, String from, String to, int stage) {
        Map<String, Object> data = escalation(id, childRef, from);
        data.remove("notifyBusinessTeam");
        data.put("toPartnership", to);
        data.put("stage", stage);
        data.put("closedOn", LocalDate.now().toString());
        data.put("reason", "RECEIVING_PROCEDURE_UNKNOWN");
        send("escalation-events", childRef, "escalation.closed", data);
    }

    /** drift.transferred: an open alert moved with its child. */
    void driftTransferred(UUID alertId, String rule, String childRef, String from, String to, LocalDate detectedOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alertId.toString());
        data.put("rule", rule);
        data.put("childRef", childRef);
        data.put("partnership", to);
        data.put("fromPartnership", from);
        data.put("toPartnership", to);
        data.put("severity", "AMBER");
        data.put("status", "OPEN");
        data.put("detectedOn", detectedOn.toString());
        data.put("transferredOn", LocalDate.now().toString());
        send("escalation-events", childRef, "drift.transferred", data);
    }

    /** A published edition for the given partnerships, with just enough content to meet its contract. */
    void editionPublished(String family, String version, List<String> partnerships, OffsetDateTime publishedAt,
            LocalDate reviewDueOn) {
        Map<String, Object> data = edition(family, version, partnerships, publishedAt, reviewDueOn);
        data.put("thresholdLevels", List.of(level(1, "UNIVERSAL"), level(2, "EARLY_HELP"), level(3, "TARGETED"),
                level(4, "SOCIAL_CARE")));
        data.put("neglectCategories", List.of("EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION"));
        data.put("indicators", List.of(Map.of("code", family + ".PHYSICAL.NUTRITION", "area", "physical care",
                "ageBand", "0_4")));
        data.put("practiceApproaches", List.of("CHALLENGE_DRIFT_AND_DELAY"));
        Map<String, Object> drift = new LinkedHashMap<>();
        for (String rule : List.of("referralDecisionWorkingDays", "assessmentWorkingDays", "level3ReviewWeeks",
                "reReferralWindowMonths", "referralsInWindow", "stepDownStepUpWindowMonths", "levelChangesPerYear",
                "level4AmberMonths", "level4RedMonths", "concernEntries", "concernAgencies", "concernWindowDays",
                "toolkitReviewMonths")) {
            drift.put(rule, 1);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        partnerships.forEach(p -> settings.put(p, Map.of("escalation", Map.of("code", "TEST", "name", "Test procedure",
                "stageDeadlineWorkingDays", Map.of("1", 5, "2", 5, "3", 5, "4", 10)), "drift", drift)));
        data.put("partnershipSettings", settings);
        send("toolkit-events", family, "toolkit.edition.published", data);
    }

    /** toolkit.review.due or toolkit.review.overdue for an edition. */
    void reviewNotice(String type, String family, String version, List<String> partnerships, OffsetDateTime publishedAt,
            LocalDate reviewDueOn) {
        Map<String, Object> data = edition(family, version, partnerships, publishedAt, reviewDueOn);
        data.put("daysUntilDue", type.endsWith("overdue") ? -1 : 10);
        send("toolkit-events", family, type, data);
    }

    private static Map<String, Object> edition(String family, String version, List<String> partnerships,
            OffsetDateTime publishedAt, LocalDate reviewDueOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("family", family);
        data.put("version", version);
        data.put("partnerships", partnerships);
        data.put("publishedAt", publishedAt.toString());
        data.put("reviewDueOn", reviewDueOn.toString());
        return data;
    }

    private static Map<String, Object> level(int level, String code) {
        return Map.of("level", level, "code", code, "name", code);
    }

    private static Map<String, Object> escalation(UUID id, String childRef, String partnership) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("escalationId", id.toString());
        data.put("childRef", childRef);
        data.put("partnership", partnership);
        data.put("raisedByAgency", "HEALTH");
        data.put("otherAgency", "CHILDRENS_SERVICES");
        data.put("notifyBusinessTeam", false);
        return data;
    }

    /** The topic the dashboard reads for this one (a test profile may point it elsewhere). */
    private static String topicOf(String topic) {
        return config("mp.messaging.incoming.dashboard-" + topic + ".topic");
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /**
     * Waits until the dashboard's consumer group has committed everything on its three topics: every event sent
     * before this call (by this test or anyone else) is then in the projection.
     */
    void awaitConsumed() {
        String group = config("nx.consumer-group") + "-dashboard";
        List<String> topics = List.of("toolkit-events", "assessment-events", "escalation-events").stream()
                .map(DashboardEvents::topicOf).toList();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return end.getValue().offset() == 0 || at != null && at.offset() >= end.getValue().offset();
            });
        });
    }

    @Override
    public void close() {
        sender.close();
        admin.close();
    }
}
