package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.gateway.notification.rules.Events.NOBODY;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.recipients;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/** EscalationPartiesRule, BusinessTeamRule and EscalationPanelRule, each on the same escalation's events. */
class EscalationRulesTest {

    private final EscalationPartiesRule parties = new EscalationPartiesRule();
    private final BusinessTeamRule businessTeam = new BusinessTeamRule();
    private final EscalationPanelRule panel = new EscalationPanelRule();

    private static ReceivedEvent raised(int stage, boolean notifyBusinessTeam) {
        return event("escalation.raised", """
                {"escalationId": "x-1", "childRef": "C-1", "partnership": "WSSCP", "raisedByAgency": "HEALTH",
                 "otherAgency": "CHILDRENS_SERVICES", "stage": %d, "deadline": "2026-12-10", "notifyBusinessTeam": %b}"""
                .formatted(stage, notifyBusinessTeam));
    }

    private static ReceivedEvent stageChanged(int toStage, boolean notifyBusinessTeam) {
        return event("escalation.stage-changed", """
                {"escalationId": "x-1", "childRef": "C-1", "partnership": "WSSCP", "raisedByAgency": "HEALTH",
                 "otherAgency": "CHILDRENS_SERVICES", "fromStage": %d, "toStage": %d, "cause": "DEADLINE_PASSED",
                 "deadline": "2026-12-20", "notifyBusinessTeam": %b}""".formatted(toStage - 1, toStage, notifyBusinessTeam));
    }

    @Test
    void theNamedAgencyIsToldOfARaisingAndBothPartiesOfEachChange() {
        assertEquals(List.of("WSSCP:CHILDRENS_SERVICES"), recipients(parties.noticesFor(raised(1, false), NOBODY)));
        assertEquals(List.of("WSSCP:HEALTH", "WSSCP:CHILDRENS_SERVICES"),
                recipients(parties.noticesFor(stageChanged(2, true), NOBODY)));
        assertEquals(List.of("WSSCP:HEALTH", "WSSCP:CHILDRENS_SERVICES"), recipients(parties.noticesFor(
                event("escalation.deadline-breached", """
                        {"escalationId": "x-1", "childRef": "C-1", "partnership": "WSSCP", "raisedByAgency": "HEALTH",
                         "otherAgency": "CHILDRENS_SERVICES", "stage": 1}"""), NOBODY)));
        assertEquals(NotificationType.ESCALATION_RESOLVED, parties.noticesFor(event("escalation.resolved", """
                {"escalationId": "x-1", "childRef": "C-1", "partnership": "WSSCP", "raisedByAgency": "HEALTH",
                 "otherAgency": "CHILDRENS_SERVICES", "stage": 2, "resolvedByAgency": "HEALTH"}"""), NOBODY).get(0).type());
    }

    @Test
    void theBusinessTeamIsToldFromTheStageThePartnershipConfigured() {
        assertTrue(businessTeam.noticesFor(raised(1, false), NOBODY).isEmpty());
        assertEquals(List.of("WSSCP:BUSINESS_TEAM"), recipients(businessTeam.noticesFor(stageChanged(2, true), NOBODY)));
        var resolved = businessTeam.noticesFor(event("escalation.resolved", """
                {"escalationId": "x-1", "childRef": "C-1", "partnership": "WSSCP", "raisedByAgency": "HEALTH",
                 "otherAgency": "CHILDRENS_SERVICES", "stage": 2, "resolvedByAgency": "CHILDRENS_SERVICES",
                 "notifyBusinessTeam": true}"""), NOBODY);
        assertEquals("CHILDRENS_SERVICES", resolved.get(0).fields().get("resolvedByAgency").asText());
    }

    @Test
    void thePanelIsToldAtStageFourOnly() {
        assertTrue(panel.noticesFor(stageChanged(3, true), NOBODY).isEmpty());
        assertEquals(List.of("WSSCP:ESCALATION_PANEL"), recipients(panel.noticesFor(stageChanged(4, true), NOBODY)));
        assertEquals(List.of("WSSCP:ESCALATION_PANEL"), recipients(panel.noticesFor(raised(4, true), NOBODY)));
    }
}
