package uk.org.neglectexchange.assessment.chronology;

/** What a chronology entry records; the types the drift rules read are REFERRAL, REFERRAL_DECISION, CLOSURE and CONCERN. */
public enum EntryType {
    REFERRAL, REFERRAL_DECISION, CLOSURE, VISIT, MISSED_APPOINTMENT, WAS_NOT_BROUGHT, SCHOOL_ABSENCE, POLICE_ATTENDANCE,
    CONCERN, ASSESSMENT, STRATEGY_DISCUSSION, CONFERENCE, PLAN_REVIEW
}
