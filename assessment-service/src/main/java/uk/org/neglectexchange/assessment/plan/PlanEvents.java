package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of child.plan-started and child.plan-ended on assessment-events: the plan's kind, category and dates, never
 * who the child is. The drift rule on long or repeated neglect plans and the dashboard read them
 * (docs/events/child.plan-*.json).
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static final String STARTED = "child.plan-started";
    public static final String ENDED = "child.plan-ended";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Started(UUID planId, String childRef, String partnership, String agency, PlanKind kind,
            PlanCategory category, LocalDate startDate, OffsetDateTime recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ended(UUID planId, String childRef, String partnership, String agency, PlanKind kind,
            PlanCategory category, LocalDate startDate, LocalDate endDate, PlanEndReason endReason, OffsetDateTime endedAt) {
    }
}
