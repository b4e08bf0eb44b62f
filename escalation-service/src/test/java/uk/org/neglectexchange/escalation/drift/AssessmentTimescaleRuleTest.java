package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

/** D2: 45 working days later, over two May bank holidays, the alert fires; a completion ends it. */
class AssessmentTimescaleRuleTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();
    private final AssessmentTimescaleRule rule = new AssessmentTimescaleRule(calendar);

    @Test
    void fortyFiveWorkingDaysLaterOverTheMayBankHolidaysTheAlertFires() {
        Cases cases = new Cases();
        CaseFact started = cases.add(FactKind.ASSESSMENT_STARTED, "2026-05-01");
        // 45 calendar-working days from Friday 1 May, skipping 4 and 25 May, is Tuesday 7 July
        assertEquals(LocalDate.parse("2026-07-07"), calendar.plusWorkingDays(started.on(), 45));
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-07-07")).isEmpty());
        var late = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-07-08"));
        assertEquals(1, late.size());
        assertEquals(started.id().toString(), late.get(0).key());
    }

    @Test
    void aCompletedAssessmentRaisesNothing() {
        Cases cases = new Cases();
        CaseFact started = cases.add(FactKind.ASSESSMENT_STARTED, "2026-05-01");
        cases.add(FactKind.ASSESSMENT_COMPLETED, "2026-07-20", started.id(), null);
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-08-01")).isEmpty());
    }
}
