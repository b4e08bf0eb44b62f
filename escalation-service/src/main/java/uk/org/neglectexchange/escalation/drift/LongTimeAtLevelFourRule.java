package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D6: continuously at level 4 for more than level4AmberMonths (amber) or level4RedMonths (red), or a second period
 * at level 4 (amber from its first day). Amber turning red is a new condition: the amber alert clears as the red
 * one is raised, so the escalation of severity is itself announced.
 */
@Singleton
public class LongTimeAtLevelFourRule implements DriftRule {

    private static final int LEVEL_4 = 4;

    @Override
    public String code() {
        return "D6";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        List<CaseFact> periodStarts = new ArrayList<>();
        Integer level = null;
        for (CaseFact change : history.of(FactKind.THRESHOLD_CHANGED)) {
            if (change.on().isAfter(today)) {
                break;
            }
            if (change.toLevel() == LEVEL_4 && (level == null || level != LEVEL_4)) {
                periodStarts.add(change);
            }
            level = change.toLevel();
        }
        if (level == null || level != LEVEL_4) {
            return List.of();
        }
        CaseFact start = periodStarts.get(periodStarts.size() - 1);
        Severity severity;
        if (today.isAfter(start.on().plusMonths(settings.value("level4RedMonths")))) {
            severity = Severity.RED;
        } else if (today.isAfter(start.on().plusMonths(settings.value("level4AmberMonths"))) || periodStarts.size() > 1) {
            severity = Severity.AMBER;
        } else {
            return List.of();
        }
        return List.of(new Condition(code(), start.id() + ":" + severity, severity,
                periodStarts.stream().map(Evidence::of).toList()));
    }
}
