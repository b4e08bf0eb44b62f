package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D4 ("start again"): a referral within reReferralWindowMonths of a closure, or the referralsInWindow-th referral
 * within 12 months. The alert names the re-referral and stands for 12 months after it: a pattern to challenge, not
 * a clock anyone can stop.
 */
@Singleton
public class ReReferralRule implements DriftRule {

    static final int STANDS_FOR_MONTHS = 12;

    @Override
    public String code() {
        return "D4";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int windowMonths = settings.value("reReferralWindowMonths");
        int referralsInWindow = settings.value("referralsInWindow");
        List<CaseFact> referrals = history.of(FactKind.REFERRAL);
        List<CaseFact> closures = history.of(FactKind.CLOSURE);
        List<Condition> conditions = new ArrayList<>();
        for (CaseFact referral : referrals) {
            if (referral.on().isAfter(today) || today.isAfter(referral.on().plusMonths(STANDS_FOR_MONTHS))) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            closures.stream()
                    .filter(c -> !c.on().isAfter(referral.on()) && !referral.on().isAfter(c.on().plusMonths(windowMonths)))
                    .reduce((first, second) -> second)
                    .ifPresent(closure -> evidence.add(Evidence.of(closure)));
            List<CaseFact> inYear = referrals.stream().filter(r -> !r.on().isAfter(referral.on())
                    && r.on().isAfter(referral.on().minusMonths(12)) && !r.id().equals(referral.id())).toList();
            if (inYear.size() + 1 >= referralsInWindow) {
                inYear.forEach(r -> evidence.add(Evidence.of(r)));
            }
            if (!evidence.isEmpty()) {
                evidence.add(Evidence.of(referral));
                conditions.add(new Condition(code(), referral.id().toString(), Severity.AMBER, evidence));
            }
        }
        return conditions;
    }
}
