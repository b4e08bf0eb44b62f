package uk.org.neglectexchange.platform.problem;

import java.time.LocalDate;

/**
 * The dates the exchange takes, in a body ({@link StrictJson}) or a query: the years 1900–2100. A year like
 * +999999999 parses in Java but PostgreSQL cannot hold it (a 500), and no date of the exchange's lies outside.
 */
public final class DateBounds {

    public static final String RULE = "must be a date from 1900-01-01 to 2100-12-31";

    private DateBounds() {
    }

    public static boolean within(LocalDate date) {
        return date.getYear() >= 1900 && date.getYear() <= 2100;
    }
}
