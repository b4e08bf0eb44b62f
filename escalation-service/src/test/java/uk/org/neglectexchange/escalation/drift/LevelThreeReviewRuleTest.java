package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** D3: at level 3, a review (plan review or completed assessment) at least every 12 weeks. */
class LevelThreeReviewRuleTest {

    private final LevelThreeReviewRule rule = new LevelThreeReviewRule();

    @Test
    void twelveWeeksAtLevelThreeWithoutAReviewIsOverdueAndAPlanReviewEndsIt() {
        Cases cases = new Cases();
        cases.level("2026-01-05", null, 3);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-03-30")).isEmpty(), "12 weeks exactly");
        assertEquals(1, rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-03-31")).size());
        cases.add(FactKind.REVIEW, "2026-04-02", null, "HEALTH");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-04-03")).isEmpty());
        assertEquals(1, rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-06-26")).size());
    }

    @Test
    void aCompletedAssessmentCountsAndAChildNotAtLevelThreeHasNoClock() {
        Cases cases = new Cases();
        cases.level("2026-01-05", null, 3);
        cases.add(FactKind.ASSESSMENT_COMPLETED, "2026-03-01");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-04-15")).isEmpty());
        cases.level("2026-04-20", 3, 2);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-12-01")).isEmpty());
    }
}
