package uk.org.neglectexchange.escalation.drift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.drift.scan.*}: when the daily scan runs and how it pages through the children. */
@ConfigMapping(prefix = "nx.drift.scan")
public interface DriftScanConfig {

    /** Quartz-style cron of the daily scan (read by its schedule). */
    String cron();

    /** Children per transaction; each holds an advisory lock until the page commits (PostgreSQL's lock table is shared). */
    @WithDefault("500")
    int pageSize();

    /**
     * Pages evaluated at once: while one waits for PostgreSQL another evaluates its rules. Pages hold disjoint
     * children, so they never wait on each other's locks.
     */
    @WithDefault("2")
    int parallelPages();
}
