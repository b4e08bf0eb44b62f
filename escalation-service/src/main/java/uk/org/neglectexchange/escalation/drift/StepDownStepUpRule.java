package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D5: a level lowered then raised again within stepDownStepUpWindowMonths, or levelChangesPerYear changes within
 * 12 months. Like D4 it is a pattern, not a clock: the alert stands for 12 months after the change that completed it.
 * A child's first level is not a change.
 */
@Singleton
public class StepDownStepUpRule implements DriftRule {

    static final int STANDS_FOR_MONTHS = 12;

    @Override
    public String code() {
        return "D5";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int windowMonths = settings.value("stepDownStepUpWindowMonths");
        int changesPerYear = settings.value("levelChangesPerYear");
        List<CaseFact> changes = history.of(FactKind.THRESHOLD_CHANGED).stream()
                .filter(c -> c.fromLevel() != null && !c.fromLevel().equals(c.toLevel()) && !c.on().isAfter(today))
                .toList();
        List<Condition> conditions = new ArrayList<>();
        CaseFact lastStepDown = null;
        for (CaseFact change : changes) {
            boolean standing = !today.isAfter(change.on().plusMonths(STANDS_FOR_MONTHS));
            if (change.toLevel() < change.fromLevel()) {
                lastStepDown = change;
            } else if (lastStepDown != null && standing
                    && !change.on().isAfter(lastStepDown.on().plusMonths(windowMonths))) {
                conditions.add(new Condition(code(), "step-up:" + change.id(), Severity.AMBER,
                        List.of(Evidence.of(lastStepDown), Evidence.of(change))));
            }
        }
        if (!changes.isEmpty()) {
            CaseFact latest = changes.get(changes.size() - 1);
            List<CaseFact> inYear = changes.stream().filter(c -> c.on().isAfter(latest.on().minusMonths(12))).toList();
            if (inYear.size() >= changesPerYear && !today.isAfter(latest.on().plusMonths(STANDS_FOR_MONTHS))) {
                conditions.add(new Condition(code(), "changes:" + latest.id(), Severity.AMBER,
                        inYear.stream().map(Evidence::of).toList()));
            }
        }
        return conditions;
    }
}
