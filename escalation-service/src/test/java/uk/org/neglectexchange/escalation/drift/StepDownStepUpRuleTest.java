package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** D5: a step-down then step-up within 6 months, or 3 level changes in 12 months. */
class StepDownStepUpRuleTest {

    private final StepDownStepUpRule rule = new StepDownStepUpRule();

    @Test
    void steppedDownThenUpWithinSixMonths() {
        Cases cases = new Cases();
        cases.level("2025-01-10", null, 4);
        var down = cases.level("2025-03-10", 4, 3);
        var up = cases.level("2025-08-10", 3, 4);
        List<Condition> found = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-08-11"));
        assertEquals(1, found.size());
        assertEquals(List.of(down.id(), up.id()), found.get(0).evidence().stream().map(Evidence::id).toList());
    }

    @Test
    void steppedUpSevenMonthsAfterTheStepDownIsNotAndThreeChangesInAYearAre() {
        Cases cases = new Cases();
        cases.level("2025-01-10", null, 3);
        cases.level("2025-02-10", 3, 2);
        cases.level("2025-09-11", 2, 3);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-09-12")).isEmpty());
        cases.level("2025-10-01", 3, 4);
        List<Condition> found = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2025-10-02"));
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).evidence().size());
    }
}
