package uk.org.neglectexchange.escalation.drift;

import java.util.List;

/**
 * A drift condition that holds for a child today. {@code key} names it within its rule (the referral not decided,
 * the assessment overrunning), so the same condition found by every scan is the same alert.
 */
public record Condition(String rule, String key, Severity severity, List<Evidence> evidence) {
}
