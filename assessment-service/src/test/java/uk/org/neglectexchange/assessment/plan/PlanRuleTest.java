package uk.org.neglectexchange.assessment.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

class PlanRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static Plan plan(LocalDate start, LocalDate end) {
        Plan plan = new Plan();
        plan.kind = PlanKind.CHILD_PROTECTION;
        plan.category = PlanCategory.NEGLECT;
        plan.startDate = start;
        plan.endDate = end;
        return plan;
    }

    @Test
    void aChildProtectionPlanNeedsItsCategoryAndNoOtherPlanHasOne() {
        assertEquals(List.of("category"), fields(PlanRule.startBreaches(
                new NewPlan(PlanKind.CHILD_PROTECTION, null, TODAY), TODAY, List.of())));
        assertEquals(List.of("category"), fields(PlanRule.startBreaches(
                new NewPlan(PlanKind.CHILD_IN_NEED, PlanCategory.NEGLECT, TODAY), TODAY, List.of())));
        assertTrue(PlanRule.startBreaches(new NewPlan(PlanKind.CHILD_PROTECTION, PlanCategory.NEGLECT, TODAY), TODAY, List.of()).isEmpty());
        assertTrue(PlanRule.startBreaches(new NewPlan(PlanKind.LOOKED_AFTER, null, TODAY.minusYears(1)), TODAY, List.of()).isEmpty());
    }

    @Test
    void aPlanStartsNoLaterThanToday() {
        assertEquals(List.of("startDate"), fields(PlanRule.startBreaches(
                new NewPlan(PlanKind.EARLY_HELP, null, TODAY.plusDays(1)), TODAY, List.of())));
    }

    @Test
    void oneOpenPlanOfAKindAtATimeAndNoOverlapWithThePreviousOne() {
        NewPlan second = new NewPlan(PlanKind.CHILD_PROTECTION, PlanCategory.NEGLECT, TODAY.minusDays(10));
        assertEquals(List.of("kind"), fields(PlanRule.startBreaches(second, TODAY, List.of(plan(TODAY.minusYears(1), null)))));
        assertEquals(List.of("startDate"), fields(PlanRule.startBreaches(second, TODAY,
                List.of(plan(TODAY.minusYears(1), TODAY.minusDays(5))))));
        assertTrue(PlanRule.startBreaches(second, TODAY, List.of(plan(TODAY.minusYears(1), TODAY.minusDays(10)))).isEmpty());
    }

    @Test
    void aPlanEndsOnOrAfterItsStartAndNoLaterThanToday() {
        Plan open = plan(TODAY.minusMonths(3), null);
        assertEquals(List.of("endDate"), fields(PlanRule.endBreaches(open, new PlanEnding(TODAY.minusMonths(4), PlanEndReason.OTHER), TODAY)));
        assertEquals(List.of("endDate"), fields(PlanRule.endBreaches(open, new PlanEnding(TODAY.plusDays(1), PlanEndReason.OTHER), TODAY)));
        assertTrue(PlanRule.endBreaches(open, new PlanEnding(TODAY.minusMonths(3), PlanEndReason.STEPPED_DOWN), TODAY).isEmpty());
        assertTrue(PlanRule.endBreaches(open, new PlanEnding(TODAY, PlanEndReason.OBJECTIVES_MET), TODAY).isEmpty());
    }

    @Test
    void aBreachNamesTheFieldNeverTheValue() {
        LocalDate future = TODAY.plusYears(3);
        PlanRule.startBreaches(new NewPlan(PlanKind.EARLY_HELP, null, future), TODAY, List.of())
                .forEach(e -> assertTrue(!e.message().contains(future.toString())));
    }
}
