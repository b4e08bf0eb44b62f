package uk.org.neglectexchange.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Who may see an event, read from its data as the contracts in docs/events name partnerships. */
class JournalPartnershipsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventOfOnePartnership() throws Exception {
        assertEquals(List.of("HSCP"), Journal.partnershipsOf(JSON.readTree("{\"partnership\":\"HSCP\",\"childRef\":\"CH-X\"}")));
    }

    @Test
    void aToolkitEventIsSeenByEachOfItsPartnerships() throws Exception {
        assertEquals(List.of("HSCP", "IOWSCP"),
                Journal.partnershipsOf(JSON.readTree("{\"family\":\"HIOW\",\"partnerships\":[\"HSCP\",\"IOWSCP\"]}")));
    }

    @Test
    void aTransferIsSeenByBothSides() throws Exception {
        assertEquals(List.of("IOWSCP", "HSCP"), Journal.partnershipsOf(JSON.readTree(
                "{\"partnership\":\"IOWSCP\",\"fromPartnership\":\"HSCP\",\"toPartnership\":\"IOWSCP\"}")));
    }
}
