package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** D10: a transfer the receiving partnership has not accepted by its day alerts that partnership, until accepted. */
class TransferAcceptanceRuleTest {

    private final TransferAcceptanceRule rule = new TransferAcceptanceRule();

    private static final UUID TRANSFER = UUID.randomUUID();

    /** Asked on Friday 28 August 2026, to accept by Friday 4 September (five working days over the bank holiday). */
    private static final CaseFact REQUESTED = new CaseFact(TRANSFER, FactKind.TRANSFER_REQUESTED, null,
            LocalDate.parse("2026-08-28"), "CHILDRENS_SERVICES", null, null, UUID.randomUUID(), "WSSCP",
            LocalDate.parse("2026-09-04"));

    @Test
    void aTransferNotAcceptedByItsDayAlertsTheReceivingPartnershipFromTheDayAfter() {
        CaseHistory history = new CaseHistory("CH-TESTCHILD2", "HSCP", List.of(REQUESTED));
        assertTrue(rule.conditions(history, Cases.DEFAULTS, LocalDate.parse("2026-09-04")).isEmpty(), "due that day");
        List<Condition> late = rule.conditions(history, Cases.DEFAULTS, LocalDate.parse("2026-09-05"));
        assertEquals(1, late.size());
        assertEquals("D10", late.get(0).rule());
        assertEquals("transfer:" + TRANSFER, late.get(0).key());
        assertEquals("WSSCP", late.get(0).alerting("HSCP"), "the receiving partnership, not the child's");
        assertEquals(TRANSFER, late.get(0).evidence().get(0).id());
        assertEquals(Severity.AMBER, late.get(0).severity());
    }

    @Test
    void anAcceptedTransferRaisesNothing() {
        CaseFact accepted = new CaseFact(UUID.randomUUID(), FactKind.TRANSFER_ACCEPTED, TRANSFER,
                LocalDate.parse("2026-09-08"), "CHILDRENS_SERVICES", null, null, UUID.randomUUID());
        CaseHistory history = new CaseHistory("CH-TESTCHILD2", "WSSCP", List.of(REQUESTED, accepted));
        assertTrue(rule.conditions(history, Cases.DEFAULTS, LocalDate.parse("2026-09-10")).isEmpty());
    }

    @Test
    void aChildAlreadyWithTheReceivingPartnershipRaisesNothing() {
        CaseHistory history = new CaseHistory("CH-TESTCHILD2", "WSSCP", List.of(REQUESTED));
        assertTrue(rule.conditions(history, Cases.DEFAULTS, LocalDate.parse("2026-09-10")).isEmpty());
    }
}
