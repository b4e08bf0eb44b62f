package uk.org.neglectexchange.assessment.assessment;

import java.time.LocalDate;
import java.util.List;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * RULES.md D2: an assessment is completed within the partnership's timescale (drift.assessmentWorkingDays of its
 * edition, 45 working days by default) from its start; one completed after it (its overrun) records why. The day
 * counted is the one escalation-service's D2 alert counts from: the version's start date.
 */
public final class OverrunReasonRule {

    static final int DEFAULT_WORKING_DAYS = 45;

    private OverrunReasonRule() {
    }

    public static int workingDays(ToolkitEdition edition, String partnership) {
        return edition.settings(partnership).map(EditionPublished.PartnershipSettings::drift)
                .map(EditionPublished.Drift::assessmentWorkingDays).orElse(DEFAULT_WORKING_DAYS);
    }

    public static boolean overrun(LocalDate startedOn, LocalDate completedOn, int workingDays, WorkingDayCalendar calendar) {
        return completedOn.isAfter(calendar.plusWorkingDays(startedOn, workingDays));
    }

    /** A completion (or level decision) after the timescale needs a reason, unless one is already recorded. */
    public static List<FieldError> breaches(String overrunReason, boolean overrun, int workingDays) {
        if (overrun && (overrunReason == null || overrunReason.isBlank())) {
            return List.of(new FieldError("overrunReason", "is required: the assessment is completed after its timescale of "
                    + workingDays + " working days from its start (RULES.md D2)"));
        }
        return List.of();
    }
}
