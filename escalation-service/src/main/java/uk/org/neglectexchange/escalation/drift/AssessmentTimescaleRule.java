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

/** D2: an assessment not completed within assessmentWorkingDays working days of its start. */
@Singleton
public class AssessmentTimescaleRule implements DriftRule {

    private final WorkingDayCalendar calendar;

    @Inject
    public AssessmentTimescaleRule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String code() {
        return "D2";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        int days = settings.value("assessmentWorkingDays");
        Set<Object> completed = history.of(FactKind.ASSESSMENT_COMPLETED).stream().map(CaseFact::refId)
                .collect(Collectors.toSet());
        return history.of(FactKind.ASSESSMENT_STARTED).stream()
                .filter(started -> !completed.contains(started.id()))
                .filter(started -> today.isAfter(calendar.plusWorkingDays(started.on(), days)))
                .map(started -> new Condition(code(), started.id().toString(), Severity.AMBER, List.of(Evidence.of(started))))
                .toList();
    }
}
