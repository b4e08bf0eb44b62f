package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** D6: amber after 9 months continuously at level 4, red after 21, amber at once for a second period. */
class LongTimeAtLevelFourRuleTest {

    private final LongTimeAtLevelFourRule rule = new LongTimeAtLevelFourRule();

    @Test
    void nineMonthsAtLevelFourIsAmberAndTwentyOneIsRed() {
        Cases cases = new Cases();
        var reached = cases.level("2024-01-15", null, 4);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2024-10-15")).isEmpty());
        List<Condition> amber = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2024-10-16"));
        assertEquals(Severity.AMBER, amber.get(0).severity());
        assertEquals(reached.id(), amber.get(0).evidence().get(0).id());
        List<Condition> red = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-10-16"));
        assertEquals(Severity.RED, red.get(0).severity());
        assertTrue(!red.get(0).key().equals(amber.get(0).key()), "red is a new condition, amber clears");
    }

    @Test
    void aSecondPeriodAtLevelFourIsAmberFromItsFirstDayAndLeavingLevelFourEndsIt() {
        Cases cases = new Cases();
        cases.level("2025-01-10", null, 4);
        cases.level("2025-03-10", 4, 3);
        cases.level("2025-06-10", 3, 4);
        List<Condition> second = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-06-10"));
        assertEquals(1, second.size());
        assertEquals(2, second.get(0).evidence().size());
        cases.level("2025-07-01", 4, 3);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-07-02")).isEmpty());
    }
}
