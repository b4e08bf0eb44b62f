package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

/** D1 with dates: a decision is due the working day after receipt, and a bank holiday weekend is not counted. */
class ReferralDecisionRuleTest {

    private final ReferralDecisionRule rule = new ReferralDecisionRule(new WorkingDayCalendar());

    @Test
    void aFridayReferralBeforeTheAugustBankHolidayIsDueOnTuesdayAndLateOnWednesday() {
        Cases cases = new Cases();
        CaseFact referral = cases.add(FactKind.REFERRAL, "2026-08-28");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-08-31")).isEmpty(), "bank holiday Monday");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-09-01")).isEmpty(), "due on Tuesday");
        List<Condition> late = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-09-02"));
        assertEquals(1, late.size());
        assertEquals(referral.id().toString(), late.get(0).key());
        assertEquals(referral.eventId(), late.get(0).evidence().get(0).eventId());
    }

    @Test
    void aDecidedReferralRaisesNothing() {
        Cases cases = new Cases();
        CaseFact referral = cases.add(FactKind.REFERRAL, "2026-08-28");
        cases.add(FactKind.REFERRAL_DECISION, "2026-09-03", referral.id(), "CHILDRENS_SERVICES");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-09-10")).isEmpty());
    }
}
