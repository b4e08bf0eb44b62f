package uk.org.neglectexchange.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Singleton;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays, read from the shipped list
 * {@value #HOLIDAYS}. A date outside the years that list covers is refused with {@link BeyondCalendarException}:
 * a deadline computed from a guessed calendar could fall on a bank holiday nobody announced.
 */
@Singleton
public class WorkingDayCalendar {

    static final String HOLIDAYS = "/calendar/england-and-wales-bank-holidays.txt";

    private final Set<LocalDate> bankHolidays = new HashSet<>();
    private final LocalDate first;
    private final LocalDate last;

    public WorkingDayCalendar() {
        int firstYear = 0;
        int lastYear = -1;
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(HOLIDAYS);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("years ")) {
                    String[] years = entry.substring("years ".length()).split("-");
                    firstYear = Integer.parseInt(years[0]);
                    lastYear = Integer.parseInt(years[1]);
                } else {
                    bankHolidays.add(LocalDate.parse(entry));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the bank holiday calendar " + HOLIDAYS + " is unreadable", e);
        }
        first = LocalDate.of(firstYear, 1, 1);
        last = LocalDate.of(lastYear, 12, 31);
    }

    public boolean isWorkingDay(LocalDate date) {
        covered(date);
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(date);
    }

    /** The {@code n}th working day after {@code start} (start itself does not count); {@code n} = 0 is start. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to add must not be negative");
        }
        covered(start);
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The {@code n}th working day before {@code start} (start itself does not count); {@code n} = 0 is start. */
    public LocalDate minusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to subtract must not be negative");
        }
        covered(start);
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        covered(from);
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate firstDay() {
        return first;
    }

    public LocalDate lastDay() {
        return last;
    }

    private void covered(LocalDate date) {
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new BeyondCalendarException(date, first, last);
        }
    }
}
