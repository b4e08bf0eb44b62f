package uk.org.neglectexchange.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void the2026BankHolidaysIncludingTheBoxingDaySubstituteAreNotWorkingDays() {
        List<LocalDate> holidays = Stream.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                "2026-08-31", "2026-12-25", "2026-12-28").map(LocalDate::parse).toList();
        holidays.forEach(day -> assertFalse(calendar.isWorkingDay(day), day + " is a bank holiday"));
        long workingWeekdays2026 = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(calendar::isWorkingDay).count();
        assertEquals(261 - 8, workingWeekdays2026, "2026 has 261 weekdays and 8 bank holidays on weekdays");
    }

    @Test
    void substituteDaysWhenChristmasAndNewYearFallAtTheWeekend() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 12, 27)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 12, 28)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2028, 1, 3)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 12, 29)));
    }

    @Test
    void everyCoveredYearHasEightBankHolidays() {
        for (int year = 2024; year <= 2030; year++) {
            LocalDate first = LocalDate.of(year, 1, 1);
            long holidays = first.datesUntil(first.plusYears(1))
                    .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                    .filter(day -> !calendar.isWorkingDay(day)).count();
            assertEquals(8, holidays, "bank holidays on weekdays in " + year);
        }
    }

    @Test
    void addingWorkingDaysSkipsWeekendsAndBankHolidays() {
        assertEquals(LocalDate.of(2026, 3, 9), calendar.plusWorkingDays(LocalDate.of(2026, 3, 2), 5), "a plain week");
        assertEquals(LocalDate.of(2026, 4, 9), calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 3), "over Easter");
        assertEquals(LocalDate.of(2027, 1, 5), calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 5), "over Christmas");
        assertEquals(LocalDate.of(2026, 12, 24), calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 0));
    }

    @Test
    void subtractingWorkingDaysSkipsWeekendsAndBankHolidays() {
        assertEquals(LocalDate.of(2026, 3, 2), calendar.minusWorkingDays(LocalDate.of(2026, 3, 9), 5), "a plain week");
        assertEquals(LocalDate.of(2026, 3, 6), calendar.minusWorkingDays(LocalDate.of(2026, 3, 9), 1),
                "the working day before a Monday is the Friday");
        assertEquals(LocalDate.of(2026, 4, 2), calendar.minusWorkingDays(LocalDate.of(2026, 4, 7), 1),
                "back over Easter Monday and Good Friday");
        assertEquals(LocalDate.of(2026, 12, 24), calendar.minusWorkingDays(LocalDate.of(2027, 1, 5), 5),
                "back over Christmas and New Year");
        assertEquals(LocalDate.of(2026, 12, 24), calendar.minusWorkingDays(LocalDate.of(2026, 12, 26), 1),
                "from Boxing Day, a Saturday");
        assertEquals(LocalDate.of(2026, 12, 25), calendar.minusWorkingDays(LocalDate.of(2026, 12, 25), 0),
                "zero is the start itself, working day or not");
        assertThrows(IllegalArgumentException.class, () -> calendar.minusWorkingDays(LocalDate.of(2026, 3, 9), -1));
    }

    @Test
    void subtractingUndoesAddingFromAWorkingDay() {
        for (LocalDate start = LocalDate.of(2026, 12, 1); start.isBefore(LocalDate.of(2027, 1, 31));
                start = start.plusDays(1)) {
            if (!calendar.isWorkingDay(start)) {
                continue;
            }
            for (int n = 0; n <= 10; n++) {
                LocalDate later = calendar.plusWorkingDays(start, n);
                assertEquals(start, calendar.minusWorkingDays(later, n), start + " plus and minus " + n);
                assertEquals(n, calendar.workingDaysBetween(start, later));
            }
        }
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheStartUpToTheEnd() {
        assertEquals(5, calendar.workingDaysBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 5)));
        assertEquals(-5, calendar.workingDaysBetween(LocalDate.of(2027, 1, 5), LocalDate.of(2026, 12, 24)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
    }

    @Test
    void pastTheShippedYearsItRefusesRatherThanGuesses() {
        assertEquals(LocalDate.of(2030, 12, 31), calendar.lastDay());
        assertEquals(LocalDate.of(2030, 12, 31), calendar.plusWorkingDays(LocalDate.of(2030, 12, 30), 1));
        BeyondCalendarException beyond = assertThrows(BeyondCalendarException.class,
                () -> calendar.plusWorkingDays(LocalDate.of(2030, 12, 27), 5));
        assertTrue(beyond.getMessage().contains("2030-12-31"));
        assertThrows(BeyondCalendarException.class, () -> calendar.isWorkingDay(LocalDate.of(2023, 12, 29)));
        assertThrows(BeyondCalendarException.class,
                () -> calendar.workingDaysBetween(LocalDate.of(2030, 12, 1), LocalDate.of(2031, 1, 2)));
        assertEquals(LocalDate.of(2024, 1, 2), calendar.minusWorkingDays(LocalDate.of(2024, 1, 3), 1));
        assertThrows(BeyondCalendarException.class, () -> calendar.minusWorkingDays(LocalDate.of(2024, 1, 3), 2),
                "1 January 2024 is a bank holiday, so the second working day back is in 2023");
        assertThrows(BeyondCalendarException.class, () -> calendar.minusWorkingDays(LocalDate.of(2031, 1, 6), 1));
    }
}
