package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** A plan children's services starts for a child; {@code category} only (and always) on a child protection plan. */
public record NewPlan(@NotNull PlanKind kind, PlanCategory category, @NotNull LocalDate startDate) {
}
