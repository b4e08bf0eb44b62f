package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

/** D1: a referral still undecided after referralDecisionWorkingDays working days from its receipt. */
@Singleton
public class ReferralDecisionRule implements DriftRule {

    private final WorkingDayCalendar calendar;

    @Inject
    public ReferralDecisionRule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String code() {
        return "D1";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int days = settings.value("referralDecisionWorkingDays");
        Set<Object> decided = history.of(FactKind.REFERRAL_DECISION).stream().map(CaseFact::refId).collect(Collectors.toSet());
        return history.of(FactKind.REFERRAL).stream()
                .filter(referral -> !decided.contains(referral.id()))
                .filter(referral -> today.isAfter(calendar.plusWorkingDays(referral.on(), days)))
                .map(referral -> new Condition(code(), referral.id().toString(), Severity.AMBER, List.of(Evidence.of(referral))))
                .toList();
    }
}
