package uk.org.neglectexchange.escalation.caseprojection;

/**
 * What a projected fact records about a child's case; the drift rules read nothing else. ESCALATION_OVERDUE is not
 * projected from assessment-events but read from this service's own escalations: a stage of an open escalation that
 * passed its deadline (id: the stage, refId: the escalation, toLevel: the stage number).
 */
public enum FactKind {
    REFERRAL, REFERRAL_DECISION, CLOSURE, CONCERN, REVIEW, ASSESSMENT_STARTED, ASSESSMENT_COMPLETED, THRESHOLD_CHANGED,
    ESCALATION_OVERDUE
}
