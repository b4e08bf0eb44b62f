package uk.org.neglectexchange.assessment.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    private static final LocalDate BORN = LocalDate.of(2010, 3, 15);

    /** The defaults of RULES.md "Retention". */
    private static final RetentionConfig DEFAULTS = new RetentionConfig() {
        public int childInNeedUntilAge() { return 18; }
        public int childInNeedInactiveYears() { return 3; }
        public int childProtectionYearsAfterLastContact() { return 35; }
        public int lookedAfterYearsAfterBirth() { return 75; }
        public int noFurtherActionYearsAfterClosure() { return 6; }
        public int sharingRecordsYearsAfterErasure() { return 6; }
        public String cron() { return "0 40 1 * * ?"; }
    };

    private static RetentionRule.Disposal of(boolean lookedAfter, boolean protection, LocalDate lastActivity,
            LocalDate nfaClosedOn) {
        return RetentionRule.disposal(new RetentionRule.Facts(BORN, lookedAfter, protection, lastActivity,
                Optional.ofNullable(nfaClosedOn)), DEFAULTS);
    }

    @Test
    void childInNeedIsKeptThreeYearsAfterTheEighteenthBirthday() {
        var disposal = of(false, false, LocalDate.of(2020, 1, 1), null);
        assertEquals(RetentionClass.CHILD_IN_NEED, disposal.retentionClass());
        assertEquals(LocalDate.of(2031, 3, 15), disposal.disposeOn());
        assertFalse(disposal.due(LocalDate.of(2031, 3, 14)), "the day before");
        assertTrue(disposal.due(LocalDate.of(2031, 3, 15)), "the day itself");
    }

    @Test
    void childInNeedActiveAfterEighteenIsKeptThreeYearsAfterTheLastActivity() {
        assertEquals(LocalDate.of(2032, 6, 1), of(false, false, LocalDate.of(2029, 6, 1), null).disposeOn());
    }

    @Test
    void childProtectionIsKeptThirtyFiveYearsAfterTheLastContact() {
        var disposal = of(false, true, LocalDate.of(2024, 2, 29), null);
        assertEquals(RetentionClass.CHILD_PROTECTION, disposal.retentionClass());
        assertEquals(LocalDate.of(2059, 2, 28), disposal.disposeOn());
        assertFalse(disposal.due(LocalDate.of(2059, 2, 27)));
        assertTrue(disposal.due(LocalDate.of(2059, 2, 28)));
    }

    @Test
    void lookedAfterIsKeptToTheSeventyFifthAnniversaryOfBirth() {
        var disposal = of(true, false, LocalDate.of(2024, 1, 1), null);
        assertEquals(RetentionClass.LOOKED_AFTER, disposal.retentionClass());
        assertEquals(LocalDate.of(2085, 3, 15), disposal.disposeOn());
        assertFalse(disposal.due(LocalDate.of(2085, 3, 14)));
        assertTrue(disposal.due(LocalDate.of(2085, 3, 15)));
    }

    @Test
    void theClassKeepingTheRecordLongestWins() {
        // a protection plan's last contact at 45 outlasts the 75th birthday by one year
        assertEquals(RetentionClass.CHILD_PROTECTION, of(true, true, LocalDate.of(2051, 3, 15), null).retentionClass());
        assertEquals(RetentionClass.LOOKED_AFTER, of(true, true, LocalDate.of(2049, 3, 15), null).retentionClass());
    }

    @Test
    void anUnconfirmedReferralClosedWithNoFurtherActionIsKeptSixYearsAfterTheClosure() {
        var disposal = of(false, false, LocalDate.of(2020, 5, 1), LocalDate.of(2020, 4, 30));
        assertEquals(RetentionClass.NO_FURTHER_ACTION, disposal.retentionClass());
        assertEquals(LocalDate.of(2026, 4, 30), disposal.disposeOn());
        assertFalse(disposal.due(LocalDate.of(2026, 4, 29)));
        assertTrue(disposal.due(LocalDate.of(2026, 4, 30)));
    }

    @Test
    void aPlanOrConferenceOutranksNoFurtherAction() {
        assertEquals(RetentionClass.CHILD_PROTECTION,
                of(false, true, LocalDate.of(2020, 5, 1), LocalDate.of(2020, 4, 30)).retentionClass());
    }

    @Test
    void anotherConfigurationChangesTheDate() {
        RetentionConfig longer = new RetentionConfig() {
            public int childInNeedUntilAge() { return 25; }
            public int childInNeedInactiveYears() { return 0; }
            public int childProtectionYearsAfterLastContact() { return 35; }
            public int lookedAfterYearsAfterBirth() { return 75; }
            public int noFurtherActionYearsAfterClosure() { return 6; }
            public int sharingRecordsYearsAfterErasure() { return 6; }
            public String cron() { return "0 40 1 * * ?"; }
        };
        assertEquals(LocalDate.of(2035, 3, 15), RetentionRule.disposal(new RetentionRule.Facts(BORN, false, false,
                LocalDate.of(2020, 1, 1), Optional.empty()), longer).disposeOn());
    }
}
