package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D11: a child protection plan for neglect open for more than cpNeglectPlanMonths (red), or a child's second (or
 * later) child protection plan for neglect (amber from its first day), while that plan is open. It reads the plans,
 * not the level: D6 keeps its meaning (time at level 4). Amber turning red is a new condition, as in D6, so the
 * amber alert clears as the red one is raised.
 */
@Singleton
public class LongOrRepeatNeglectPlanRule implements DriftRule {

    @Override
    public String code() {
        return "D11";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int limitMonths = settings.value("cpNeglectPlanMonths");
        Map<UUID, LocalDate> endOf = history.of(FactKind.NEGLECT_PLAN_ENDED).stream()
                .collect(Collectors.toMap(CaseFact::refId, CaseFact::on, (a, b) -> a));
        List<CaseFact> plans = history.of(FactKind.NEGLECT_PLAN_STARTED).stream()
                .filter(p -> !p.on().isAfter(today)).toList();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            CaseFact plan = plans.get(i);
            LocalDate end = endOf.get(plan.id());
            if (end != null && !end.isAfter(today)) {
                continue;
            }
            Severity severity;
            if (today.isAfter(plan.on().plusMonths(limitMonths))) {
                severity = Severity.RED;
            } else if (i > 0) {
                severity = Severity.AMBER;
            } else {
                continue;
            }
            conditions.add(new Condition(code(), plan.id() + ":" + severity, severity,
                    plans.subList(0, i + 1).stream().map(Evidence::of).toList()));
        }
        return conditions;
    }
}
