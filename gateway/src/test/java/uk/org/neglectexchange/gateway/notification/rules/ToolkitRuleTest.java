package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.gateway.notification.rules.Events.NOBODY;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.recipients;

import java.util.List;

import org.junit.jupiter.api.Test;

class ToolkitRuleTest {

    private final ToolkitRule rule = new ToolkitRule();

    @Test
    void aNewEditionTellsEveryAgencyAndTheBusinessTeamOfEachPartnershipUsingIt() {
        List<String> told = recipients(rule.noticesFor(event("toolkit.edition.published", """
                {"family": "HIOW", "version": "2026.1", "partnerships": ["HSCP", "IOWSCP"],
                 "publishedAt": "2026-12-01T09:00:00Z", "reviewDueOn": "2027-12-01", "indicators": []}"""), NOBODY));

        assertEquals(10, told.size());
        assertEquals(List.of("HSCP:CHILDRENS_SERVICES", "HSCP:HEALTH", "HSCP:EDUCATION", "HSCP:POLICE",
                "HSCP:BUSINESS_TEAM"), told.subList(0, 5));
    }

    @Test
    void aReviewDueOrOverdueTellsTheBusinessTeams() {
        assertEquals(List.of("WSSCP:BUSINESS_TEAM"), recipients(rule.noticesFor(event("toolkit.review.overdue", """
                {"family": "WS", "version": "2025.1", "partnerships": ["WSSCP"], "reviewDueOn": "2026-11-01",
                 "daysUntilDue": -35}"""), NOBODY)));
    }
}
