package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.gateway.notification.rules.Events.NOBODY;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.recipients;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

class EncompassRuleTest {

    private final EncompassRule rule = new EncompassRule(new WorkingDayCalendar());

    private static String entry(String agency, String type, String incident, String ageBand, String recordedAt) {
        return """
                {"entryId": "e-1", "childRef": "C-1", "partnership": "IOWSCP", "agency": "%s", "type": "%s",
                 "incidentType": "%s", "ageBand": "%s", "occurredOn": "2026-12-04", "recordedAt": "%s"}"""
                .formatted(agency, type, incident, ageBand, recordedAt);
    }

    @Test
    void aDomesticAbuseIncidentAtASchoolAgeChildsHomeTellsTheSchoolsBeforeTheNextSchoolDay() {
        // Friday night, 4 December 2026: the next school day starts on Monday 7 December at 08:30
        List<Notice> notices = rule.noticesFor(event("chronology.entry-added",
                entry("POLICE", "POLICE_ATTENDANCE", "DOMESTIC_ABUSE", "5_11", "2026-12-04T23:10:00Z")), NOBODY);

        assertEquals(List.of("IOWSCP:EDUCATION"), recipients(notices));
        assertEquals(OffsetDateTime.parse("2026-12-07T08:30Z"), notices.get(0).actBy());
        assertEquals("2026-12-07T08:30Z", notices.get(0).fields().get("actBy").asText());
        assertFalse(notices.get(0).fields().has("incidentType"));
    }

    @Test
    void theSchoolDayStartsAt0830UkTimeOnAWorkingDay() {
        // before 08:30 on a working day: that morning
        assertEquals(OffsetDateTime.parse("2026-12-08T08:30Z"), rule.actBy(OffsetDateTime.parse("2026-12-08T06:00Z")));
        // British Summer Time: 08:30 in London is 07:30 UTC
        assertEquals(OffsetDateTime.parse("2026-07-02T07:30Z"), rule.actBy(OffsetDateTime.parse("2026-07-01T19:00Z")));
        // Christmas Eve evening: Christmas Day and Boxing Day (substitute Monday 28) are bank holidays
        assertEquals(OffsetDateTime.parse("2026-12-29T08:30Z"), rule.actBy(OffsetDateTime.parse("2026-12-24T20:00Z")));
    }

    @Test
    void otherEntriesAndYoungerChildrenTellNoSchool() {
        assertTrue(rule.noticesFor(event("chronology.entry-added",
                entry("POLICE", "POLICE_ATTENDANCE", "DOMESTIC_ABUSE", "0_4", "2026-12-04T23:10:00Z")), NOBODY).isEmpty());
        assertTrue(rule.noticesFor(event("chronology.entry-added",
                entry("POLICE", "POLICE_ATTENDANCE", "OTHER", "12_17", "2026-12-04T23:10:00Z")), NOBODY).isEmpty());
        assertTrue(rule.noticesFor(event("chronology.entry-added",
                entry("HEALTH", "CONCERN", "DOMESTIC_ABUSE", "12_17", "2026-12-04T23:10:00Z")), NOBODY).isEmpty());
    }
}
