package uk.org.neglectexchange.assessment.assessment;

import jakarta.validation.constraints.Size;

/**
 * A deciding agency's decision on a proposed level: the level (the proposed one to confirm it, another to change
 * it) with its reason; {@code overrunReason} when the decision falls after the assessment's timescale (D2).
 */
public record NewLevelDecision(Integer level, @Size(max = 2000) String reason, @Size(max = 2000) String overrunReason) {
}
