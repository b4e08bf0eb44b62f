package uk.org.neglectexchange.assessment.chronology;

/** What was decided on a referral (Working Together: a decision within one working day of receipt). */
public enum ReferralDecision {
    NO_FURTHER_ACTION, SIGNPOSTED_TO_UNIVERSAL_SERVICES, EARLY_HELP, ASSESSMENT, STRATEGY_DISCUSSION
}
