package uk.org.neglectexchange.platform.clock;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nx.clock")
public interface ClockConfig {

    /** The zone "today" is read in. */
    @WithDefault("UTC")
    ZoneId zone();
}
