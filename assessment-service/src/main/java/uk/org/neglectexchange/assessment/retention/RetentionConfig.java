package uk.org.neglectexchange.assessment.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.retention.*}: how long each retention class keeps a child's record (RULES.md "Retention" defaults). */
@ConfigMapping(prefix = "nx.retention")
public interface RetentionConfig {

    /** Child in need or early help, never on a protection plan or looked after: kept until this birthday... */
    @WithDefault("18")
    int childInNeedUntilAge();

    /** ...and then until this many years pass without activity (common LA schedules, e.g. Devon). */
    @WithDefault("3")
    int childInNeedInactiveYears();

    /** Child protection plan or conference: years after the last contact (e.g. Blackpool). */
    @WithDefault("35")
    int childProtectionYearsAfterLastContact();

    /** Looked after: the anniversary of the child's birth (CPPCR Regulations 2010, reg 50). */
    @WithDefault("75")
    int lookedAfterYearsAfterBirth();

    /** An unconfirmed referral closed with no further action: years after the closure (our default). */
    @WithDefault("6")
    int noFurtherActionYearsAfterClosure();

    /** The record of shares about a child: years after the child's record itself is erased (Limitation Act 1980). */
    @WithDefault("6")
    int sharingRecordsYearsAfterErasure();

    /** When the daily retention job runs (Quarkus cron); every replica runs it, each child is erased once. */
    @WithDefault("0 40 1 * * ?")
    String cron();
}
