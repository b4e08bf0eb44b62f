package uk.org.neglectexchange.platform.calendar;

import java.time.LocalDate;

/** A working-day sum reached a date the shipped bank holiday list does not cover. */
public class BeyondCalendarException extends RuntimeException {

    public BeyondCalendarException(LocalDate date, LocalDate first, LocalDate last) {
        super("The working-day calendar covers " + first + " to " + last + ", not " + date
                + ": add the bank holidays of the following years to " + WorkingDayCalendar.HOLIDAYS);
    }
}
