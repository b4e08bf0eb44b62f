package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** A child's case history built fact by fact, and the default clocks of RULES.md, for the rule tests. */
final class Cases {

    static final DriftSettings DEFAULTS = new DriftSettings(Map.ofEntries(
            Map.entry("referralDecisionWorkingDays", 1), Map.entry("assessmentWorkingDays", 45),
            Map.entry("level3ReviewWeeks", 12), Map.entry("reReferralWindowMonths", 12), Map.entry("referralsInWindow", 2),
            Map.entry("stepDownStepUpWindowMonths", 6), Map.entry("levelChangesPerYear", 3),
            Map.entry("level4AmberMonths", 9), Map.entry("level4RedMonths", 21), Map.entry("concernEntries", 3),
            Map.entry("concernAgencies", 2), Map.entry("concernWindowDays", 90), Map.entry("toolkitReviewMonths", 12),
            Map.entry("cpNeglectPlanMonths", 24)));

    private final List<CaseFact> facts = new ArrayList<>();

    CaseFact add(FactKind kind, String on) {
        return add(kind, on, null, null);
    }

    CaseFact add(FactKind kind, String on, UUID refId, String agency) {
        CaseFact fact = new CaseFact(UUID.randomUUID(), kind, refId, LocalDate.parse(on), agency, null, null, UUID.randomUUID());
        facts.add(fact);
        return fact;
    }

    CaseFact level(String on, Integer from, int to) {
        CaseFact fact = new CaseFact(UUID.randomUUID(), FactKind.THRESHOLD_CHANGED, UUID.randomUUID(), LocalDate.parse(on),
                null, from, to, UUID.randomUUID());
        facts.add(fact);
        return fact;
    }

    CaseHistory history() {
        return new CaseHistory("CH-TESTCHILD2", "HSCP", facts);
    }
}
