package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D8: an open escalation with a stage past its deadline (found by EscalationDeadlineJob), one condition per
 * escalation; red once stage 4, the partnership's own stage, is overdue. Its resolution ends the condition.
 */
@Singleton
public class EscalationDeadlineRule implements DriftRule {

    private static final int LAST_STAGE = 4;

    @Override
    public String code() {
        return "D8";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        Map<UUID, List<CaseFact>> byEscalation = history.of(FactKind.ESCALATION_OVERDUE).stream()
                .collect(Collectors.groupingBy(CaseFact::refId));
        return byEscalation.entrySet().stream().map(overdue -> {
            Severity severity = overdue.getValue().stream().anyMatch(s -> s.toLevel() == LAST_STAGE) ? Severity.RED
                    : Severity.AMBER;
            return new Condition(code(), "escalation:" + overdue.getKey() + ":" + severity, severity,
                    overdue.getValue().stream().map(Evidence::of).toList());
        }).toList();
    }
}
