package uk.org.neglectexchange.escalation.caseprojection;

/**
 * What a projected fact records about a child's case; the drift rules read nothing else. ESCALATION_OVERDUE is not
 * projected from assessment-events but read from this service's own escalations: a stage of an open escalation that
 * passed its deadline (id: the stage, refId: the escalation, toLevel: the stage number). TRANSFER_REQUESTED (id: the
 * transfer) waits for its TRANSFER_ACCEPTED (refId: the transfer). NEGLECT_PLAN_STARTED (id: the plan) and
 * NEGLECT_PLAN_ENDED (refId: the plan) are child protection plans under the category of neglect only.
 */
public enum FactKind {
    REFERRAL, REFERRAL_DECISION, CLOSURE, CONCERN, REVIEW, ASSESSMENT_STARTED, ASSESSMENT_COMPLETED, THRESHOLD_CHANGED,
    ESCALATION_OVERDUE, TRANSFER_REQUESTED, TRANSFER_ACCEPTED, NEGLECT_PLAN_STARTED, NEGLECT_PLAN_ENDED
}
