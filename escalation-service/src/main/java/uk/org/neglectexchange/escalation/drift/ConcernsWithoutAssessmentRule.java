package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D7: at least concernEntries concerns from at least concernAgencies agencies within the last concernWindowDays,
 * and no assessment started since the first of them. One condition per child: it ends when an assessment starts or
 * the concerns age out of the window.
 */
@Singleton
public class ConcernsWithoutAssessmentRule implements DriftRule {

    @Override
    public String code() {
        return "D7";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int entries = settings.value("concernEntries");
        int agencies = settings.value("concernAgencies");
        LocalDate windowStart = today.minusDays(settings.value("concernWindowDays"));
        List<CaseFact> recent = history.of(FactKind.CONCERN).stream()
                .filter(c -> c.on().isAfter(windowStart) && !c.on().isAfter(today)).toList();
        if (recent.size() < entries || recent.stream().map(CaseFact::agency).distinct().count() < agencies) {
            return List.of();
        }
        LocalDate first = recent.get(0).on();
        if (history.of(FactKind.ASSESSMENT_STARTED).stream().anyMatch(a -> !a.on().isBefore(first))) {
            return List.of();
        }
        return List.of(new Condition(code(), "concerns", Severity.AMBER, recent.stream().map(Evidence::of).toList()));
    }
}
