package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** D11: a child protection plan for neglect over 24 months (red), or a second one (amber from its first day). */
class LongOrRepeatNeglectPlanRuleTest {

    private final LongOrRepeatNeglectPlanRule rule = new LongOrRepeatNeglectPlanRule();

    @Test
    void aNeglectPlanOpenForMoreThanTwoYearsIsRedUntilItEnds() {
        Cases cases = new Cases();
        var plan = cases.add(FactKind.NEGLECT_PLAN_STARTED, "2024-03-01");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-03-01")).isEmpty(),
                "exactly two years is not over two years");
        List<Condition> red = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-03-02"));
        assertEquals(1, red.size());
        assertEquals(Severity.RED, red.get(0).severity());
        assertEquals("D11", red.get(0).rule());
        assertEquals(plan.id(), red.get(0).evidence().get(0).id());
        cases.add(FactKind.NEGLECT_PLAN_ENDED, "2026-04-01", plan.id(), "CHILDRENS_SERVICES");
        assertEquals(1, rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-03-31")).size(),
                "an end dated later has not happened yet");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-04-01")).isEmpty());
    }

    @Test
    void aSecondNeglectPlanIsAmberFromItsFirstDayAndRedOnceItIsLong() {
        Cases cases = new Cases();
        var first = cases.add(FactKind.NEGLECT_PLAN_STARTED, "2023-01-10");
        cases.add(FactKind.NEGLECT_PLAN_ENDED, "2023-09-10", first.id(), "CHILDRENS_SERVICES");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2024-01-01")).isEmpty());
        var second = cases.add(FactKind.NEGLECT_PLAN_STARTED, "2024-02-01");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2024-01-31")).isEmpty(),
                "a plan dated later has not started yet");
        List<Condition> amber = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2024-02-01"));
        assertEquals(1, amber.size());
        assertEquals(Severity.AMBER, amber.get(0).severity());
        assertEquals(List.of(first.id(), second.id()), amber.get(0).evidence().stream().map(Evidence::id).toList());
        List<Condition> red = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-02-02"));
        assertEquals(Severity.RED, red.get(0).severity());
        assertTrue(!red.get(0).key().equals(amber.get(0).key()), "red is a new condition, amber clears");
    }

    @Test
    void levelFourAloneIsNotThisRuleAndAnEditionWithoutTheSettingIsNotEvaluated() {
        Cases cases = new Cases();
        cases.level("2022-01-01", null, 4);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-01-01")).isEmpty(),
                "D6 counts time at level 4; D11 counts plans");
        cases.add(FactKind.NEGLECT_PLAN_STARTED, "2022-01-01");
        assertThrows(DriftSettings.MissingSetting.class,
                () -> rule.conditions(cases.history(), new DriftSettings(Map.of("level4RedMonths", 21)), LocalDate.parse("2026-01-01")));
    }
}
