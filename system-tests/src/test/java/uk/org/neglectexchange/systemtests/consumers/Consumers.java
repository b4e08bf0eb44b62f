package uk.org.neglectexchange.systemtests.consumers;

import java.util.List;
import java.util.Map;

/**
 * Every consumer of the suite's topics (the @Incoming methods), with the database its projection lives in, the
 * topics it reads and how to count what it has applied: its inbox name in {@code processed_event}, or, for the
 * gateway's event stream, the journal's rows (its unique event id is its inbox).
 */
final class Consumers {

    /** A service that consumes, by its database's middle name ({@code nx_<service>_...}) and owner. */
    enum Service {
        ASSESSMENT("assessment", "assessment-service"),
        ESCALATION("escalation", "escalation-service"),
        GATEWAY("gateway", "gateway");

        final String dbName;
        final String module;

        Service(String dbName, String module) {
            this.dbName = dbName;
            this.module = module;
        }

        /** The database the suite's instance writes into (SuiteProcesses names them nx_<service>_<run>). */
        String suiteDatabase() {
            return "nx_" + dbName + "_" + uk.org.neglectexchange.systemtests.SuiteProcesses.runName();
        }

        /** The fresh, empty database of a replayed instance. */
        String replayDatabase() {
            return "nx_" + dbName + "_replay_" + uk.org.neglectexchange.systemtests.SuiteProcesses.runName();
        }

        String owner() {
            return "nx_" + dbName;
        }
    }

    /** One consumer group's projection. {@code inbox} null: the stream journal. */
    record Consumer(String label, Service service, String group, String inbox, List<String> topics) {

        String countQuery() {
            return inbox == null ? "select count(*) from stream_journal where recipients is null"
                    : "select count(*) from processed_event where consumer = '" + inbox + "'";
        }
    }

    static final List<Consumer> ALL = List.of(
            new Consumer("assessment-service: toolkit editions", Service.ASSESSMENT, "assessment-service", "toolkit-editions",
                    List.of("toolkit-events")),
            new Consumer("assessment-service: child summary", Service.ASSESSMENT, "assessment-service", "child-summary",
                    List.of("escalation-events")),
            new Consumer("escalation-service: procedures", Service.ESCALATION, "escalation-service", "partnership-procedures",
                    List.of("toolkit-events")),
            new Consumer("escalation-service: case projection", Service.ESCALATION, "escalation-service", "case-projection",
                    List.of("assessment-events")),
            new Consumer("gateway: dashboard", Service.GATEWAY, "gateway-dashboard", "dashboard", SuiteTopics.TOPICS),
            new Consumer("gateway: event stream", Service.GATEWAY, "gateway-stream", null, SuiteTopics.TOPICS),
            new Consumer("gateway: notifications", Service.GATEWAY, "gateway-notify", "notifications", SuiteTopics.TOPICS));

    /**
     * The tables each service builds from the topics, and the columns left out of their checksums. Left out: when a
     * row was applied ({@code processed_at}, {@code recorded_at}: the clock of the apply, not the event) and the
     * journal's {@code seq} (a bigserial numbering rows in the order this instance journalled them; across topics
     * that order is whatever the partitions' interleaving was, by design, and the stream hands out seq only as a
     * resume position within one gateway's database). A key may add a filter to its table ("<table> where …"). Everything else the services hold (children, assessments,
     * escalations, drift alerts, audit, outboxes) is their own state from requests and the clock, not from topics.
     */
    static final Map<Service, Map<String, List<String>>> PROJECTION_TABLES = Map.of(
            Service.ASSESSMENT, Map.of(
                    "toolkit_edition", List.of(),
                    "processed_event", List.of("processed_at")),
            Service.ESCALATION, Map.of(
                    "partnership_procedure", List.of(),
                    "case_child", List.of(),
                    "case_fact", List.of(),
                    "processed_event", List.of("processed_at")),
            Service.GATEWAY, Map.ofEntries(
                    Map.entry("dashboard_child", List.of()),
                    Map.entry("dashboard_assessment", List.of()),
                    Map.entry("dashboard_level_change", List.of()),
                    Map.entry("dashboard_chronology_entry", List.of()),
                    Map.entry("dashboard_case_closure", List.of()),
                    Map.entry("dashboard_drift_alert", List.of()),
                    Map.entry("dashboard_escalation", List.of()),
                    Map.entry("dashboard_toolkit_edition", List.of()),
                    Map.entry("processed_event", List.of("processed_at")),
                    Map.entry("child_involvement", List.of("since")),
                    Map.entry("escalation_deadline", List.of("reminded_at")),
                    // the events only: a notification's recipients depend on who was involved with the child when its
                    // event was read, which differs with how the three topics interleave, so notifications are no
                    // projection of any one topic (NotificationsTest and WebhookDelivery* check them instead)
                    Map.entry("stream_journal where recipients is null", List.of("seq", "recorded_at"))));

    private Consumers() {
    }
}
