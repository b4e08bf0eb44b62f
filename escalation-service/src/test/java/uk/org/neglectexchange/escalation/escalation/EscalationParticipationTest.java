package uk.org.neglectexchange.escalation.escalation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.escalation.EscalationParticipation.Party;

class EscalationParticipationTest {

    private static final Actor POLICE = new Actor(Party.AGENCY, "WSSCP", "POLICE", "wsscp-police", null);
    private static final Actor EDUCATION = new Actor(Party.AGENCY, "WSSCP", "EDUCATION", "wsscp-education", null);
    private static final Actor PANEL = new Actor(Party.PANEL, "WSSCP", EscalationParticipation.PANEL_AGENCY,
            "wsscp-escalation-panel", null);
    private static final Actor BUSINESS_TEAM = new Actor(Party.BUSINESS_TEAM, "WSSCP", null, "wsscp-business-team", null);
    private static final Actor OTHER_PANEL = new Actor(Party.PANEL, "HSCP", EscalationParticipation.PANEL_AGENCY,
            "hscp-escalation-panel", null);

    @Test
    void theAgenciesInDisagreementTakePartAtEveryStage() {
        for (int stage = 1; stage <= 4; stage++) {
            assertTrue(EscalationParticipation.actsOn(POLICE, escalation("WSSCP", stage, 2)));
            assertFalse(EscalationParticipation.sees(EDUCATION, escalation("WSSCP", stage, 2)));
        }
    }

    @Test
    void thePanelTakesPartAtStageFourOnly() {
        assertFalse(EscalationParticipation.sees(PANEL, escalation("WSSCP", 3, 2)));
        assertTrue(EscalationParticipation.sees(PANEL, escalation("WSSCP", 4, 2)));
        assertTrue(EscalationParticipation.actsOn(PANEL, escalation("WSSCP", 4, 2)));
        assertFalse(EscalationParticipation.sees(OTHER_PANEL, escalation("WSSCP", 4, 2)));
    }

    @Test
    void theBusinessTeamReadsFromItsNotifiedStageAndNeverActs() {
        assertFalse(EscalationParticipation.sees(BUSINESS_TEAM, escalation("WSSCP", 1, 2)));
        assertTrue(EscalationParticipation.sees(BUSINESS_TEAM, escalation("WSSCP", 2, 2)));
        assertTrue(EscalationParticipation.sees(BUSINESS_TEAM, escalation("WSSCP", 4, 2)));
        assertFalse(EscalationParticipation.actsOn(BUSINESS_TEAM, escalation("WSSCP", 4, 2)));
        // a procedure that notifies no business team (HIPS) shows it none
        assertFalse(EscalationParticipation.sees(BUSINESS_TEAM, escalation("WSSCP", 4, null)));
    }

    private static Escalation escalation(String partnership, int stage, Integer businessTeamFromStage) {
        Escalation e = new Escalation();
        e.partnership = partnership;
        e.stage = stage;
        e.businessTeamNotifiedFromStage = businessTeamFromStage;
        e.raisedByAgency = "CHILDRENS_SERVICES";
        e.otherAgency = "POLICE";
        return e;
    }
}
