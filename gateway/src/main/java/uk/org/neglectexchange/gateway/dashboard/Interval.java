package uk.org.neglectexchange.gateway.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** A bucket of the level-changes series: ISO weeks (from Monday) or calendar months (from the 1st). */
public enum Interval {
    WEEK, MONTH;

    public static Optional<Interval> parse(String value) {
        return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(value)).findFirst();
    }

    String unit() {
        return name().toLowerCase();
    }

    LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** The start of the bucket {@code count - 1} buckets before today's: a series of {@code count} ending today. */
    LocalDate startOfLast(int count, LocalDate today) {
        LocalDate current = startOf(today);
        return this == WEEK ? current.minusWeeks(count - 1L) : current.minusMonths(count - 1L);
    }
}
