package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.gateway.notification.rules.Events.NOBODY;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.recipients;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationType;

class LeadAgencyRuleTest {

    private final LeadAgencyRule rule = new LeadAgencyRule();

    @Test
    void theLeadAgencyIsToldWhoReadWhatWhyAndWhen() {
        List<Notice> notices = rule.noticesFor(event("child.record-accessed", """
                {"childRef": "C-1", "partnership": "HSCP", "leadAgency": "HEALTH", "accessingAgency": "POLICE",
                 "accessingClient": "hscp-police", "resource": "CHRONOLOGY", "purpose": "s47-enquiry",
                 "accessedAt": "2026-12-01T10:00:00Z"}"""), NOBODY);

        assertEquals(List.of("HSCP:HEALTH"), recipients(notices));
        Notice notice = notices.get(0);
        assertEquals(NotificationType.RECORD_ACCESSED, notice.type());
        assertEquals("CHRONOLOGY", notice.fields().get("resource").asText());
        assertEquals("POLICE", notice.fields().get("accessingAgency").asText());
        assertEquals("s47-enquiry", notice.fields().get("purpose").asText());
        assertEquals("C-1", notice.subject());
    }

    @Test
    void theLeadAgencyReadingItsOwnChildIsNotNews() {
        assertTrue(rule.noticesFor(event("child.record-accessed", """
                {"childRef": "C-1", "partnership": "HSCP", "leadAgency": "HEALTH", "accessingAgency": "HEALTH",
                 "accessingClient": "hscp-health", "resource": "RECORD", "accessedAt": "2026-12-01T10:00:00Z"}"""),
                NOBODY).isEmpty());
    }

    @Test
    void otherEventsTellNobody() {
        assertFalse(rule.noticesFor(event("child.record-accessed", """
                {"childRef": "C-1", "partnership": "HSCP", "leadAgency": "HEALTH", "accessingAgency": "EDUCATION",
                 "accessingClient": "hscp-education", "resource": "RECORD", "accessedAt": "2026-12-01T10:00:00Z"}"""),
                NOBODY).isEmpty());
        assertTrue(rule.noticesFor(event("child.registered", """
                {"childRef": "C-1", "partnership": "HSCP", "leadAgency": "HEALTH"}"""), NOBODY).isEmpty());
    }
}
