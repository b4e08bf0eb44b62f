package uk.org.neglectexchange.assessment.plan;

/** The category of abuse a child protection plan is under (Working Together); no other plan has one. */
public enum PlanCategory {
    NEGLECT, EMOTIONAL_ABUSE, PHYSICAL_ABUSE, SEXUAL_ABUSE
}
