package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D3: while a child is at level 3, a multi-agency review at least every level3ReviewWeeks weeks. A completed
 * assessment or a PLAN_REVIEW chronology entry counts as a review; the clock starts when the child reached level 3.
 * The condition is named by the last review, so the next review clears it.
 */
@Singleton
public class LevelThreeReviewRule implements DriftRule {

    private static final int LEVEL_3 = 3;

    @Override
    public String code() {
        return "D3";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        List<CaseFact> changes = history.of(FactKind.THRESHOLD_CHANGED).stream().filter(c -> !c.on().isAfter(today)).toList();
        if (changes.isEmpty() || changes.get(changes.size() - 1).toLevel() != LEVEL_3) {
            return List.of();
        }
        int first = changes.size() - 1;
        while (first > 0 && changes.get(first - 1).toLevel() == LEVEL_3) {
            first--;
        }
        CaseFact reached = changes.get(first);
        CaseFact lastReview = history.facts().stream()
                .filter(f -> f.kind() == FactKind.REVIEW || f.kind() == FactKind.ASSESSMENT_COMPLETED)
                .filter(f -> !f.on().isBefore(reached.on()) && !f.on().isAfter(today))
                .max(Comparator.comparing(CaseFact::on))
                .orElse(reached);
        if (!today.isAfter(lastReview.on().plusWeeks(settings.value("level3ReviewWeeks")))) {
            return List.of();
        }
        List<Evidence> evidence = lastReview == reached ? List.of(Evidence.of(reached))
                : List.of(Evidence.of(reached), Evidence.of(lastReview));
        return List.of(new Condition(code(), "review:" + lastReview.id(), Severity.AMBER, evidence));
    }
}
