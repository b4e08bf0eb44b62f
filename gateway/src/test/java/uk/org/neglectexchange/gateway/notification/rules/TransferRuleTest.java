package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.gateway.notification.rules.Events.event;
import static uk.org.neglectexchange.gateway.notification.rules.Events.involved;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.Recipient;

class TransferRuleTest {

    private final TransferRule rule = new TransferRule();

    @Test
    void theLeavingPartnershipsAgenciesAndTheJoiningChildrensServicesAreTold() {
        List<Notice> notices = rule.noticesFor(event("child.transferred", """
                {"childRef": "C-1", "partnership": "WSSCP", "fromPartnership": "HSCP", "toPartnership": "WSSCP",
                 "transferredOn": "2026-12-01", "reason": "FAMILY_MOVED", "byAgency": "CHILDRENS_SERVICES"}"""),
                involved(Map.of("C-1/HSCP", List.of("CHILDRENS_SERVICES", "EDUCATION", "HEALTH"))));

        assertEquals(2, notices.size());
        assertEquals("TRANSFERRED_OUT", notices.get(0).reason());
        assertEquals(List.of(Recipient.agency("HSCP", "EDUCATION"), Recipient.agency("HSCP", "HEALTH")),
                notices.get(0).recipients());
        assertEquals("TRANSFERRED_IN", notices.get(1).reason());
        assertEquals(List.of(Recipient.agency("WSSCP", "CHILDRENS_SERVICES")), notices.get(1).recipients());
    }
}
