package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The end of a plan: the date it ended and why. */
public record PlanEnding(@NotNull LocalDate endDate, @NotNull PlanEndReason reason) {
}
