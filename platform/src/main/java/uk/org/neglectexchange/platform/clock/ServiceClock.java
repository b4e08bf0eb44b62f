package uk.org.neglectexchange.platform.clock;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now": every date and time a service records or compares is read from this clock, in the zone
 * its rules count in ({@code nx.clock.zone}: UTC, or Europe/London where working days are English dates).
 */
public class ServiceClock {

    @Produces
    @Singleton
    Clock clock(ClockConfig config) {
        return Clock.system(config.zone());
    }
}
