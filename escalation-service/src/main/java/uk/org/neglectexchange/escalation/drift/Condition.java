package uk.org.neglectexchange.escalation.drift;

import java.util.List;

/**
 * A drift condition that holds for a child today. {@code key} names it within its rule (the referral not decided,
 * the assessment overrunning), so the same condition found by every scan is the same alert. {@code partnership} is the
 * partnership alerted when it is not the child's own (D10: the receiving partnership of a transfer); null otherwise.
 */
public record Condition(String rule, String key, Severity severity, List<Evidence> evidence, String partnership) {

    public Condition(String rule, String key, Severity severity, List<Evidence> evidence) {
        this(rule, key, severity, evidence, null);
    }

    /** The partnership the alert goes to, given the child's. */
    public String alerting(String childsPartnership) {
        return partnership != null ? partnership : childsPartnership;
    }
}
