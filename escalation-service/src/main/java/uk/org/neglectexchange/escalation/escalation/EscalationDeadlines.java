package uk.org.neglectexchange.escalation.escalation;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A stage's deadline: the procedure's working days for the stage, counted from the day the stage starts with the
 * England and Wales calendar. A deadline may be shortened for the child's sake, with a reason; it is never lengthened.
 */
@Singleton
public class EscalationDeadlines {

    public record StageDeadline(int workingDays, LocalDate deadline, String shortenedBecause) {
    }

    private final WorkingDayCalendar calendar;

    @Inject
    public EscalationDeadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public StageDeadline forStage(Map<Integer, Integer> procedureDays, int stage, LocalDate startsOn,
            Integer shortenedWorkingDays, String reason) {
        int days = procedureDays.get(stage);
        if (shortenedWorkingDays != null) {
            if (shortenedWorkingDays > days) {
                throw ProblemException.unprocessable("shortenedDeadlineWorkingDays", "Deadlines are never lengthened:"
                        + " stage " + stage + " of this procedure allows at most " + days + " working days");
            }
            if (reason == null || reason.isBlank()) {
                throw ProblemException.unprocessable("deadlineReason",
                        "Shortening a stage's deadline needs a reason (for the child's sake)");
            }
            days = shortenedWorkingDays;
        }
        return new StageDeadline(days, calendar.plusWorkingDays(startsOn, days),
                shortenedWorkingDays == null ? null : reason.strip());
    }

    /** A stage not resolved by the end of its deadline day is overdue from the next day. */
    public boolean overdue(LocalDate deadline, LocalDate today) {
        return today.isAfter(deadline);
    }
}
