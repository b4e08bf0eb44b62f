package uk.org.neglectexchange.assessment.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one source of "now", in UTC, so dates are the same whatever the host's zone. */
@ApplicationScoped
public class UtcClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
