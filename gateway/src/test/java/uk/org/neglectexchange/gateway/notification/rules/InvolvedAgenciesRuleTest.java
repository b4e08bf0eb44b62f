package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.involved;
import static uk.org.neglectexchange.gateway.notification.rules.Events.recipients;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule.Involvement;
import uk.org.neglectexchange.gateway.notification.NotificationType;

class InvolvedAgenciesRuleTest {

    private final InvolvedAgenciesRule rule = new InvolvedAgenciesRule();
    private final Involvement involvement = involved(Map.of(
            "C-1/HSCP", List.of("EDUCATION", "HEALTH", "POLICE"),
            "C-1/WSSCP", List.of("CHILDRENS_SERVICES")));

    @Test
    void anotherAgencysEntryTellsTheInvolvedAgenciesButNotItsAuthorNorOtherPartnerships() {
        List<Notice> notices = rule.noticesFor(event("chronology.entry-added", """
                {"entryId": "e-1", "childRef": "C-1", "partnership": "HSCP", "agency": "POLICE", "type": "POLICE_ATTENDANCE",
                 "occurredOn": "2026-12-01", "recordedAt": "2026-12-01T22:00:00Z", "incidentType": "DOMESTIC_ABUSE",
                 "ageBand": "5_11"}"""), involvement);

        assertEquals(List.of("HSCP:EDUCATION", "HSCP:HEALTH"), recipients(notices));
        Notice notice = notices.get(0);
        assertEquals(NotificationType.CHRONOLOGY_ENTRY_ADDED, notice.type());
        assertEquals("POLICE_ATTENDANCE", notice.fields().get("type").asText());
        // the kind of a police incident is police information: the agencies see type, date and agency only
        assertFalse(notice.fields().has("incidentType"));
        assertFalse(notice.fields().has("summary"));
    }

    @Test
    void assessmentsLevelsAndDriftForTheChildTellTheInvolvedAgencies() {
        assertEquals(List.of("HSCP:EDUCATION", "HSCP:POLICE"), recipients(rule.noticesFor(event("assessment.started", """
                {"assessmentId": "a-1", "childRef": "C-1", "partnership": "HSCP", "agency": "HEALTH"}"""), involvement)));
        assertEquals(List.of("HSCP:EDUCATION", "HSCP:HEALTH", "HSCP:POLICE"), recipients(rule.noticesFor(
                event("assessment.completed", """
                        {"assessmentId": "a-1", "childRef": "C-1", "partnership": "HSCP", "thresholdLevel": 3}"""),
                involvement)));
        assertEquals(3, recipients(rule.noticesFor(event("threshold.changed", """
                {"childRef": "C-1", "partnership": "HSCP", "fromLevel": 2, "toLevel": 3}"""), involvement)).size());
        List<Notice> drift = rule.noticesFor(event("drift.detected", """
                {"alertId": "d-1", "rule": "D2", "childRef": "C-1", "partnership": "HSCP", "severity": "RED"}"""), involvement);
        assertEquals(NotificationType.DRIFT_DETECTED, drift.get(0).type());
        assertEquals(3, recipients(drift).size());
    }

    @Test
    void driftWithoutAChildAndUnrelatedEventsTellNobody() {
        assertTrue(rule.noticesFor(event("drift.detected", """
                {"alertId": "d-1", "rule": "D9", "childRef": null, "partnership": "HSCP", "severity": "AMBER"}"""),
                involvement).isEmpty());
        assertTrue(rule.noticesFor(event("escalation.raised", """
                {"escalationId": "x", "childRef": "C-1", "partnership": "HSCP"}"""), involvement).isEmpty());
        assertTrue(rule.noticesFor(event("chronology.entry-added", """
                {"entryId": "e-1", "childRef": "C-9", "partnership": "HSCP", "agency": "POLICE"}"""), involvement).isEmpty());
    }
}
