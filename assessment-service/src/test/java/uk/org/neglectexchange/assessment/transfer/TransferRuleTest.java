package uk.org.neglectexchange.assessment.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransferRuleTest {

    @Test
    void aTransferGoesToAnotherPartnership() {
        assertTrue(TransferRule.breach("HSCP", new NewTransfer("IOWSCP", TransferReason.FAMILY_MOVED)).isEmpty());
        assertEquals("toPartnership",
                TransferRule.breach("WSSCP", new NewTransfer("WSSCP", TransferReason.OTHER)).orElseThrow().field());
    }
}
