package uk.org.neglectexchange.assessment.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.transfer.*}: how long the receiving partnership has to accept a transfer. */
@ConfigMapping(prefix = "nx.transfer")
public interface TransferConfig {

    /**
     * Working days after the request's day (England and Wales) the receiving partnership's children's services has to
     * accept it. RULES.md names no figure: 5, "usually within a working week" as an escalation's first stage (our default).
     */
    @WithDefault("5")
    int acceptanceWorkingDays();
}
