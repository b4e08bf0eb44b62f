package uk.org.neglectexchange.toolkit.edition;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.toolkit.*}: how long a published edition stands before its review, and how early the review is due. */
@ConfigMapping(prefix = "nx.toolkit")
public interface ToolkitReviewConfig {

    /** From publication to the review date. */
    @WithDefault("P12M")
    Period reviewPeriod();

    /** An edition is DUE for review this long before its review date. */
    @WithDefault("P30D")
    Period reviewDueNotice();
}
