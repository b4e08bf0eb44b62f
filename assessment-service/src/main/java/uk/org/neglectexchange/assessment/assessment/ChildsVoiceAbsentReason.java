package uk.org.neglectexchange.assessment.assessment;

/** Why an assessment records no words of the child; NOT_SEEN_WITH_REASON needs the reason in the detail. */
public enum ChildsVoiceAbsentReason {
    PRE_VERBAL, UNBORN, DECLINED, NOT_SEEN_WITH_REASON
}
