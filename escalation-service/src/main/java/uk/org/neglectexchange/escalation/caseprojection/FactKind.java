package uk.org.neglectexchange.escalation.caseprojection;

/** What a projected fact records about a child's case; the drift rules read nothing else. */
public enum FactKind {
    REFERRAL, REFERRAL_DECISION, CLOSURE, CONCERN, REVIEW, ASSESSMENT_STARTED, ASSESSMENT_COMPLETED, THRESHOLD_CHANGED
}
