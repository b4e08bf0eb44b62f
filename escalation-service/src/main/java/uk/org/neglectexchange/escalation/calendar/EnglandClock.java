package uk.org.neglectexchange.escalation.calendar;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock "today" is read from: working days are English dates, so today is the date in England. */
public class EnglandClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
