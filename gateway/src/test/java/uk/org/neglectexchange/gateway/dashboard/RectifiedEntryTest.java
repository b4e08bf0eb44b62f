package uk.org.neglectexchange.gateway.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * chronology.entry-rectified: the dashboard stops counting the entry (or closure), the agency it alone involved is no
 * longer involved with the child, and a later event about the entry does not bring it back.
 */
@QuarkusTest
class RectifiedEntryTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static DashboardEvents events;

    @Inject
    DataSource db;

    @BeforeAll
    static void producer() {
        events = new DashboardEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aRectifiedEntryLeavesTheDashboardAndTheInvolvementItAloneGave() throws Exception {
        String child = DashboardEvents.childRef();
        String wrong = DashboardEvents.agency();
        String other = DashboardEvents.agency();
        UUID wrongEntry = UUID.randomUUID();
        UUID closure = UUID.randomUUID();
        entryAdded(child, wrong, wrongEntry, "CONCERN");
        entryAdded(child, other, closure, "CLOSURE");
        events.send("assessment-events", child, "case.closed", Map.of("closureId", closure.toString(), "childRef", child,
                "partnership", "HSCP", "agency", other, "closedOn", TODAY.toString(), "closureReason", "NEEDS_MET",
                "recordedAt", TODAY + "T10:00:00Z"));
        Map<String, Object> started = new LinkedHashMap<>(Map.of("assessmentId", UUID.randomUUID().toString(),
                "seriesId", UUID.randomUUID().toString(), "childRef", child, "partnership", "HSCP", "agency", other,
                "toolkitFamily", "HIOW", "toolkitVersion", "1.0.0", "startedOn", TODAY.toString(), "version", 1,
                "ageBand", "0_4"));
        started.put("amends", null);
        events.send("assessment-events", child, "assessment.started", started);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("dashboard_case_closure where closure_id = ?", closure) == 1
                && count("dashboard_chronology_entry where entry_id = ?", wrongEntry) == 1
                && count("child_involvement where child_ref = ? and agency = ?", child, other) == 1
                && count("child_involvement where child_ref = ? and agency = ?", child, wrong) == 1);

        rectified(child, wrong, wrongEntry, "CONCERN");
        rectified(child, other, closure, "CLOSURE");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("dashboard_chronology_entry where entry_id in (?, ?)", wrongEntry, closure) == 0
                && count("child_involvement where child_ref = ? and agency = ?", child, wrong) == 0);
        assertEquals(0, count("dashboard_case_closure where closure_id = ?", closure));
        // involved through its assessment too: still involved
        assertEquals(1, count("child_involvement where child_ref = ? and agency = ?", child, other));

        // the entry told again, then a marker entry behind it on the same partition
        entryAdded(child, wrong, wrongEntry, "CONCERN");
        String marker = DashboardEvents.agency();
        UUID markerEntry = UUID.randomUUID();
        entryAdded(child, marker, markerEntry, "VISIT");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("dashboard_chronology_entry where entry_id = ?", markerEntry) == 1
                && count("child_involvement where child_ref = ? and agency = ?", child, marker) == 1);
        assertEquals(0, count("dashboard_chronology_entry where entry_id = ?", wrongEntry));
        assertEquals(0, count("child_involvement where child_ref = ? and agency = ?", child, wrong));
    }

    private void entryAdded(String child, String agency, UUID entryId, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", entryId.toString());
        data.put("childRef", child);
        data.put("partnership", "HSCP");
        data.put("ageBand", "0_4");
        data.put("agency", agency);
        data.put("type", type);
        data.put("occurredOn", TODAY.toString());
        data.put("recordedAt", TODAY + "T09:00:00Z");
        events.send("assessment-events", child, "chronology.entry-added", data);
    }

    private void rectified(String child, String agency, UUID entryId, String type) {
        events.send("assessment-events", child, "chronology.entry-rectified", Map.of("entryId", entryId.toString(),
                "childRef", child, "partnership", "HSCP", "agency", agency, "type", type, "occurredOn", TODAY.toString(),
                "rectifiedAt", TODAY + "T12:00:00Z", "rectifiedByAgency", "CHILDRENS_SERVICES"));
    }

    private long count(String from, Object... parameters) throws Exception {
        return Rows.count(db, "select count(*) from " + from, parameters);
    }
}
