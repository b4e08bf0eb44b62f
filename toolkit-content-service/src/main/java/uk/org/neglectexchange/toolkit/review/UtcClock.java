package uk.org.neglectexchange.toolkit.review;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock "today" is read from; UTC, like the review dates that publication computes. */
public class UtcClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
