package uk.org.neglectexchange.escalation.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.problem.ProblemException;

class EscalationDeadlinesTest {

    private static final Map<Integer, Integer> HIPS = Map.of(1, 5, 2, 5, 3, 5, 4, 10);
    private static final LocalDate CHRISTMAS_EVE_2026 = LocalDate.of(2026, 12, 24);

    private final EscalationDeadlines deadlines = new EscalationDeadlines(new WorkingDayCalendar());

    @Test
    void aStageStartingOnChristmasEveEndsAfterChristmasBoxingDaySubstituteAndNewYear() {
        var deadline = deadlines.forStage(HIPS, 1, CHRISTMAS_EVE_2026, null, null);
        assertEquals(LocalDate.of(2027, 1, 5), deadline.deadline());
        assertEquals(5, deadline.workingDays());
        assertNull(deadline.shortenedBecause());
    }

    @Test
    void stageFourUsesItsOwnTenWorkingDays() {
        assertEquals(LocalDate.of(2027, 1, 12), deadlines.forStage(HIPS, 4, CHRISTMAS_EVE_2026, null, null).deadline());
    }

    @Test
    void aDeadlineShortenedForTheChildNeedsAReason() {
        var shortened = deadlines.forStage(HIPS, 1, CHRISTMAS_EVE_2026, 2, "child left alone overnight");
        assertEquals(LocalDate.of(2026, 12, 30), shortened.deadline());
        assertEquals("child left alone overnight", shortened.shortenedBecause());
        ProblemException noReason = assertThrows(ProblemException.class,
                () -> deadlines.forStage(HIPS, 1, CHRISTMAS_EVE_2026, 2, " "));
        assertEquals(422, noReason.status());
        assertEquals("deadlineReason", noReason.errors().get(0).field());
    }

    @Test
    void aDeadlineIsNeverLengthened() {
        ProblemException longer = assertThrows(ProblemException.class,
                () -> deadlines.forStage(HIPS, 2, CHRISTMAS_EVE_2026, 6, "more time"));
        assertEquals(422, longer.status());
        assertEquals("shortenedDeadlineWorkingDays", longer.errors().get(0).field());
        assertTrue(longer.getMessage().contains("never lengthened"));
    }

    @Test
    void aStageIsOverdueFromTheDayAfterItsDeadline() {
        LocalDate deadline = LocalDate.of(2027, 1, 5);
        assertFalse(deadlines.overdue(deadline, deadline));
        assertTrue(deadlines.overdue(deadline, deadline.plusDays(1)));
    }
}
