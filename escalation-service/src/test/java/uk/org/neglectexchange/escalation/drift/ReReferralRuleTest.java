package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** D4: a referral within 12 months of a closure, or the second referral in 12 months, is a re-referral. */
class ReReferralRuleTest {

    private final ReReferralRule rule = new ReReferralRule();

    @Test
    void aReferralElevenMonthsAfterAClosureIsAReReferral() {
        Cases cases = new Cases();
        CaseFact closure = cases.add(FactKind.CLOSURE, "2025-03-01");
        CaseFact referral = cases.add(FactKind.REFERRAL, "2026-02-01");
        List<Condition> found = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-02-10"));
        assertEquals(1, found.size());
        assertEquals(referral.id().toString(), found.get(0).key());
        assertEquals(List.of(closure.id(), referral.id()), found.get(0).evidence().stream().map(Evidence::id).toList());
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2027-02-02")).isEmpty(),
                "the alert stands for 12 months after the re-referral");
    }

    @Test
    void aReferralThirteenMonthsAfterAClosureIsNot() {
        Cases cases = new Cases();
        cases.add(FactKind.CLOSURE, "2025-01-01");
        cases.add(FactKind.REFERRAL, "2026-02-02");
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-02-10")).isEmpty());
    }

    @Test
    void theSecondReferralInTwelveMonthsIsAReReferral() {
        Cases cases = new Cases();
        CaseFact first = cases.add(FactKind.REFERRAL, "2025-06-01");
        CaseFact second = cases.add(FactKind.REFERRAL, "2026-04-01");
        List<Condition> found = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-04-10"));
        assertEquals(1, found.size());
        assertEquals(second.id().toString(), found.get(0).key());
        assertEquals(List.of(first.id(), second.id()), found.get(0).evidence().stream().map(Evidence::id).toList());
    }
}
