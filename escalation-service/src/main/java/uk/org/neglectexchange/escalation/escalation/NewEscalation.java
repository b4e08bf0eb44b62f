package uk.org.neglectexchange.escalation.escalation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A disagreement one agency raises about a decision in a child's case. The raising agency, its partnership and
 * client come from the token; the practitioner from the X-Practitioner-Id header.
 */
public record NewEscalation(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a childRef (letters, digits, - and _)") String childRef,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be an agency code such as HEALTH or POLICE") String otherAgency,
        @NotBlank @Size(max = 4000) String disagreement,
        @NotNull CurrentRisk currentRisk,
        EscalationType type,
        @Size(max = 100) String role,
        @Min(1) @Max(4) Integer startStage,
        @Size(max = 2000) String urgencyReason,
        @Min(1) @Max(60) Integer shortenedDeadlineWorkingDays,
        @Size(max = 2000) String deadlineReason) {
}
