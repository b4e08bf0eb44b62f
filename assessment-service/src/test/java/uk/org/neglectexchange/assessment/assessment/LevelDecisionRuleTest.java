package uk.org.neglectexchange.assessment.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** LevelDecisionRule, OverrunReasonRule and PreVerbalRule, without a server. */
class LevelDecisionRuleTest {

    private static ToolkitEdition edition(Map<String, EditionPublished.PartnershipSettings> settings) {
        ToolkitEdition edition = new ToolkitEdition();
        edition.thresholdLevels = List.of(new EditionPublished.Level(1, "L1", "Universal"), new EditionPublished.Level(2, "L2", "Early Help"),
                new EditionPublished.Level(3, "L3", "Targeted"), new EditionPublished.Level(4, "L4", "CSC"));
        edition.partnershipSettings = settings;
        return edition;
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void withoutTheSettingLevelsThreeAndFourAreChildrensServicesDecisions() {
        ToolkitEdition old = edition(null);
        ToolkitEdition silent = edition(Map.of("WSSCP", new EditionPublished.PartnershipSettings(null, null, null)));
        for (ToolkitEdition edition : List.of(old, silent)) {
            assertTrue(LevelDecisionRule.mayDecide(edition, "WSSCP", 4, "CHILDRENS_SERVICES"));
            assertFalse(LevelDecisionRule.mayDecide(edition, "WSSCP", 4, "POLICE"));
            assertFalse(LevelDecisionRule.mayDecide(edition, "WSSCP", 3, "HEALTH"));
            assertTrue(LevelDecisionRule.mayDecide(edition, "WSSCP", 2, "EDUCATION"));
            assertTrue(LevelDecisionRule.mayDecide(edition, "WSSCP", 1, "POLICE"));
            assertEquals(List.of("CHILDRENS_SERVICES"), LevelDecisionRule.decidingAgencies(edition, "WSSCP", 4));
        }
    }

    @Test
    void aPartnershipOptsItsEarlyHelpLeadInForLevelThree() {
        ToolkitEdition edition = edition(Map.of("WSSCP", new EditionPublished.PartnershipSettings(
                Map.of(3, List.of("CHILDRENS_SERVICES", "HEALTH"), 4, List.of("CHILDRENS_SERVICES")), null, null)));
        assertTrue(LevelDecisionRule.mayDecide(edition, "WSSCP", 3, "HEALTH"));
        assertFalse(LevelDecisionRule.mayDecide(edition, "WSSCP", 4, "HEALTH"));
        assertFalse(LevelDecisionRule.mayDecide(edition, "WSSCP", 3, "EDUCATION"));
        // another partnership of the edition that does not say keeps the defaults
        assertFalse(LevelDecisionRule.mayDecide(edition, "HSCP", 3, "HEALTH"));
    }

    @Test
    void aDecisionNamesALevelOfTheEditionAndItsReason() {
        ToolkitEdition edition = edition(null);
        assertEquals(List.of(), LevelDecisionRule.breaches(new NewLevelDecision(4, "Confirmed at MASH", null), edition));
        assertEquals(List.of("level", "reason"), fields(LevelDecisionRule.breaches(new NewLevelDecision(null, " ", null), edition)));
        assertEquals(List.of("level"), fields(LevelDecisionRule.breaches(new NewLevelDecision(5, "Why", null), edition)));
    }

    @Test
    void anOverrunOfTheTimescaleNeedsAReason() {
        WorkingDayCalendar calendar = new WorkingDayCalendar();
        LocalDate started = LocalDate.of(2026, 1, 5);
        LocalDate due = calendar.plusWorkingDays(started, 45);
        assertFalse(OverrunReasonRule.overrun(started, due, 45, calendar));
        assertTrue(OverrunReasonRule.overrun(started, due.plusDays(1), 45, calendar));
        assertEquals(List.of("overrunReason"), fields(OverrunReasonRule.breaches(null, true, 45)));
        assertEquals(List.of("overrunReason"), fields(OverrunReasonRule.breaches(" ", true, 45)));
        assertEquals(List.of(), OverrunReasonRule.breaches("Father's hospital stay delayed the visits", true, 45));
        assertEquals(List.of(), OverrunReasonRule.breaches(null, false, 45));
        assertEquals(30, OverrunReasonRule.workingDays(edition(Map.of("WSSCP",
                new EditionPublished.PartnershipSettings(null, new EditionPublished.Drift(30), null))), "WSSCP"));
        assertEquals(45, OverrunReasonRule.workingDays(edition(null), "WSSCP"));
    }

    @Test
    void preVerbalExplainsAMissingVoiceOnlyUnderFive() {
        assertEquals(List.of(), PreVerbalRule.breaches(ChildsVoiceAbsentReason.PRE_VERBAL, "0_4"));
        assertEquals(List.of(), PreVerbalRule.breaches(ChildsVoiceAbsentReason.PRE_VERBAL, "PRE_BIRTH"));
        assertEquals(List.of("childsVoiceAbsentReason"), fields(PreVerbalRule.breaches(ChildsVoiceAbsentReason.PRE_VERBAL, "5_11")));
        assertEquals(List.of("childsVoiceAbsentReason"), fields(PreVerbalRule.breaches(ChildsVoiceAbsentReason.PRE_VERBAL, "12_17")));
        assertEquals(List.of(), PreVerbalRule.breaches(ChildsVoiceAbsentReason.DECLINED, "12_17"));
    }
}
