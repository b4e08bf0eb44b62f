package uk.org.neglectexchange.gateway.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * child.erased: the dashboard, the stream journal and the notifications (feed, webhook deliveries, involvement,
 * reminders) hold nothing of the child afterwards, and an event about it arriving later projects nothing.
 */
@QuarkusTest
class ChildErasedProjectionsTest {

    @Inject
    DataSource db;

    /** Every place the gateway keeps something of a child, counted for one childRef. */
    private static final List<String> OF_THE_CHILD = List.of(
            "select count(*) from dashboard_child where child_ref = ?",
            "select count(*) from dashboard_assessment where child_ref = ?",
            "select count(*) from dashboard_level_change where child_ref = ?",
            "select count(*) from dashboard_chronology_entry where child_ref = ?",
            "select count(*) from dashboard_case_closure where child_ref = ?",
            "select count(*) from dashboard_neglect_plan where child_ref = ?",
            "select count(*) from dashboard_drift_alert where child_ref = ?",
            "select count(*) from dashboard_escalation where child_ref = ?",
            "select count(*) from child_involvement where child_ref = ?",
            "select count(*) from child_involvement_entry where child_ref = ?",
            "select count(*) from rectified_entry where child_ref = ?",
            "select count(*) from escalation_deadline where child_ref = ?",
            "select count(*) from stream_journal where type <> 'child.erased' and envelope::text like '%' || ?::text || '%'",
            "select count(*) from webhook_delivery where body like '%' || ?::text || '%'");

    @Test
    void nothingOfAnErasedChildStays() throws Exception {
        String childRef = DashboardEvents.childRef();
        UUID alert = UUID.randomUUID();
        UUID escalation = UUID.randomUUID();
        try (DashboardEvents events = new DashboardEvents()) {
            events.childRegistered(childRef, "WSSCP", "HEALTH");
            events.chronologyEntry(childRef, "WSSCP", "HEALTH", UUID.randomUUID(), null);
            events.assessmentCompleted(childRef, "WSSCP", "DISORGANISED", 3, List.of("HEALTH"), LocalDate.now());
            events.caseClosed(childRef, "WSSCP", LocalDate.now());
            events.plan(childRef, "WSSCP", UUID.randomUUID(), "CHILD_PROTECTION", "NEGLECT", LocalDate.now(), null);
            events.drift("drift.detected", alert, "D1", childRef, "WSSCP", LocalDate.now());
            events.escalationRaised(escalation, childRef, "WSSCP", 1, LocalDate.now().plusDays(7));
            // the first test of a fresh consumer group reads the shared test topics from their start: time for that
            await().atMost(Duration.ofSeconds(120)).until(() -> Rows.count(db,
                    "select count(*) from dashboard_escalation where escalation_id = ? and child_ref = ?", escalation, childRef) == 1
                    && Rows.count(db, "select count(*) from escalation_deadline where escalation_id = ?", escalation) == 1
                    && Rows.count(db, "select count(*) from stream_journal where envelope::text like ?",
                            "%" + escalation + "%") >= 1
                    && Rows.count(db, "select count(*) from dashboard_neglect_plan where child_ref = ?", childRef) == 1);
            UUID subscription = UUID.randomUUID();
            Rows.count(db, "with s as (insert into webhook_subscription (id, client_id, recipient, url, types, secret, status,"
                    + " created_at) values (?, 'wsscp-health', 'WSSCP:HEALTH', 'https://example.org/hook', '{escalation.raised}',"
                    + " 'secret', 'DISABLED', now()) returning 1), d as (insert into webhook_delivery (id, subscription_id, type,"
                    + " body, status, next_attempt_at, created_at) values (?, ?, 'escalation.raised', ?, 'DELIVERED', now(), now())"
                    + " returning 1) select (select count(*) from s) + (select count(*) from d)", subscription,
                    UUID.randomUUID(), subscription, "{\"data\": {\"childRef\": \"" + childRef + "\"}}");
            assertEquals(1, Rows.count(db, OF_THE_CHILD.get(11), childRef));

            events.childErased(childRef, "WSSCP");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String sql : OF_THE_CHILD) {
                    assertEquals(0, Rows.count(db, sql, childRef), sql);
                }
            });
            // the stream tells its clients to drop the child
            assertEquals(1, Rows.count(db, "select count(*) from stream_journal where type = 'child.erased' and subject = ?",
                    childRef));

            // an escalation event still on its way when the child was erased: nothing comes back
            UUID late = events.drift("drift.detected", UUID.randomUUID(), "D2", childRef, "WSSCP", LocalDate.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                    "select count(*) from processed_event where event_id = ?", late) >= 2);
            for (String sql : OF_THE_CHILD) {
                assertEquals(0, Rows.count(db, sql, childRef), sql);
            }
        }
    }
}
