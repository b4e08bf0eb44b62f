package uk.org.neglectexchange.escalation.escalation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An action at the escalation's current stage. What each action requires ({@code escalate}: reason; {@code resolve}:
 * outcome and resolvedBy; {@code respond}: note) is checked by {@link EscalationService}, naming the field. Each
 * names the stage it acts on, {@code expectedStage} or the {@code If-Match} header ({@link StagePrecondition}).
 */
public record NewAction(
        @NotNull ActionKind action,
        @Size(max = 2000) String reason,
        @Size(max = 4000) String outcome,
        @Size(max = 200) String resolvedBy,
        @Size(max = 4000) String note,
        @Size(max = 4000) String agreedAction,
        @Size(max = 100) String role,
        @Min(1) @Max(60) Integer shortenedDeadlineWorkingDays,
        @Size(max = 2000) String deadlineReason,
        @Min(1) @Max(4) Integer expectedStage) {
}
