package uk.org.neglectexchange.platform.testsupport.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends records to the real toolkit-events topic (the one the module's {@code toolkit-events} channel reads) the way
 * the toolkit service's outbox relay does, with toolkit.edition.published data valid against docs/events.
 */
public final class ToolkitEventSender implements AutoCloseable {

    private static final AtomicInteger PATCH = new AtomicInteger();

    private final CloudEventSender sender = new CloudEventSender();
    private final String topic = CloudEventSender.incomingTopic("toolkit-events");

    public String topic() {
        return topic;
    }

    /** Sends a record with CloudEvents binary-mode headers; null header values are left out. */
    public void send(String key, Map<String, String> ceHeaders, String data) {
        sender.send(topic, key, ceHeaders, data);
    }

    /** A toolkit.edition.published, keyed by the edition's family (WS if the data names it, else HIOW). */
    public void sendEditionPublished(UUID id, String data) {
        send(data.contains("\"WS\"") ? "WS" : "HIOW",
                CloudEventSender.attributes(id, "toolkit.edition.published", "/neglect-exchange/toolkit-content-service"),
                data);
    }

    /** Publishes one toolkit.edition.published with a new id, and waits for the broker to take it. */
    public static void publishEdition(String data) {
        try (ToolkitEventSender sender = new ToolkitEventSender()) {
            sender.sendEditionPublished(UUID.randomUUID(), data);
        }
    }

    /**
     * An edition version with this major number greater than any a previous run left on the shared topic (the
     * minor is the time in seconds, the patch counts up): the consumers take the newest as the current edition.
     */
    public static String nextVersion(int major) {
        return major + "." + (System.currentTimeMillis() / 1000 % 1_000_000) + "." + PATCH.incrementAndGet();
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

    /**
     * A valid toolkit.edition.published data document for HIOW (HSCP and IOWSCP), with {@link #HIOW_INDICATORS} and
     * HIPS 7.3 (stage 4 within {@code stage4Days} working days).
     */
    public static String hiowEdition(String version, OffsetDateTime publishedAt, int stage4Days) {
        String settings = """
                {"escalation": {"code": "HIPS_7_3", "name": "HIPS 7.3", "stageDeadlineWorkingDays": {"1": 5, "2": 5, "3": 5, "4": %d},
                  "businessTeamNotifiedFromStage": null},
                 "drift": {"referralDecisionWorkingDays": 1, "assessmentWorkingDays": 45, "level3ReviewWeeks": 12,
                  "reReferralWindowMonths": 12, "referralsInWindow": 2, "stepDownStepUpWindowMonths": 6, "levelChangesPerYear": 3,
                  "level4AmberMonths": 9, "level4RedMonths": 21, "concernEntries": 3, "concernAgencies": 2,
                  "concernWindowDays": 90, "toolkitReviewMonths": 12, "cpNeglectPlanMonths": 24}}""".formatted(stage4Days);
        return """
                {"family": "HIOW", "version": "%s", "partnerships": ["HSCP", "IOWSCP"], "publishedAt": "%s", "reviewDueOn": "%s",
                 "thresholdLevels": [{"level": 1, "code": "HIOW-L1", "name": "Universal"}, {"level": 2, "code": "HIOW-L2", "name": "Early Help"},
                   {"level": 3, "code": "HIOW-L3", "name": "Targeted Early Help"}, {"level": 4, "code": "HIOW-L4", "name": "Children's Social Care"}],
                 "neglectCategories": ["EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION"],
                 "indicators": %s,
                 "practiceApproaches": ["HEAR_THE_CHILD", "TAKE_LONG_TERM_VIEW"],
                 "partnershipSettings": {"HSCP": %s, "IOWSCP": %s},
                 "alertApproaches": %s}
                """.formatted(version, publishedAt, LocalDate.from(publishedAt).plusMonths(12), HIOW_INDICATORS, settings, settings,
                alertApproaches("HIOW", version, "CHALLENGE_DRIFT_AND_DELAY", "ESCALATE_AND_CHAMPION"));
    }

    /**
     * The edition's alertApproaches: every drift rule D1-D11 mapped to {@code ruleApproach}, the escalation to
     * {@code escalationApproach} (left out when null), each with the edition's ESCALATION guidance.
     */
    public static String alertApproaches(String family, String version, String ruleApproach, String escalationApproach) {
        String link = "\"/api/v1/toolkits/" + family + "/editions/" + version + "/guidance/ESCALATION\"";
        String approach = "{\"code\": \"%s\", \"name\": \"%s\", \"guidanceLink\": " + link + "}";
        StringBuilder rules = new StringBuilder();
        for (int rule = 1; rule <= 11; rule++) {
            rules.append(rule > 1 ? ", " : "").append("\"D").append(rule).append("\": ")
                    .append(approach.formatted(ruleApproach, ruleApproach));
        }
        return "{\"driftRules\": {" + rules + "}"
                + (escalationApproach == null ? "" : ", \"escalation\": " + approach.formatted(escalationApproach, escalationApproach))
                + "}";
    }

    /** A valid toolkit.edition.published data document for WS (WSSCP): Pan-Sussex, business team from stage 2. */
    public static String wsEdition(String version, OffsetDateTime publishedAt) {
        return wsEdition(version, publishedAt, alertApproaches("WS", version, "CHALLENGE_DRIFT_AND_DELAY", "ESCALATE_AND_CHAMPION"));
    }

    /** The same with the given alertApproaches JSON (see {@link #alertApproaches}). */
    public static String wsEdition(String version, OffsetDateTime publishedAt, String alertApproaches) {
        return """
                {"family": "WS", "version": "%s", "partnerships": ["WSSCP"], "publishedAt": "%s", "reviewDueOn": "%s",
                 "thresholdLevels": [{"level": 1, "code": "WS-L1", "name": "Universal"}, {"level": 2, "code": "WS-L2", "name": "Early Help"},
                   {"level": 3, "code": "WS-L3", "name": "Early Help (targeted)"}, {"level": 4, "code": "WS-L4", "name": "Statutory"}],
                 "neglectCategories": ["EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION"],
                 "indicators": [{"code": "WS.PHYSICAL_CARE.NUTRITION.0_4", "area": "PHYSICAL_CARE", "ageBand": "0_4"}],
                 "practiceApproaches": ["HEAR_THE_CHILD"],
                 "partnershipSettings": {"WSSCP": {"escalation": {"code": "PAN_SUSSEX_7_2", "name": "Pan-Sussex 7.2",
                   "stageDeadlineWorkingDays": {"1": 5, "2": 5, "3": 5, "4": 10}, "businessTeamNotifiedFromStage": 2},
                  "drift": {"referralDecisionWorkingDays": 1, "assessmentWorkingDays": 45, "level3ReviewWeeks": 12,
                   "reReferralWindowMonths": 12, "referralsInWindow": 2, "stepDownStepUpWindowMonths": 6, "levelChangesPerYear": 3,
                   "level4AmberMonths": 9, "level4RedMonths": 21, "concernEntries": 3, "concernAgencies": 2,
                   "concernWindowDays": 90, "toolkitReviewMonths": 12, "cpNeglectPlanMonths": 24}}},
                 "alertApproaches": %s}
                """.formatted(version, publishedAt, LocalDate.from(publishedAt).plusMonths(12), alertApproaches);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        sender.close();
    }
}
