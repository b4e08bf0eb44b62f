package uk.org.neglectexchange.assessment.chronology;

/** Why a case was closed, as a code: events carry the code, never the practitioner's words. */
public enum ClosureReason {
    NEEDS_MET, STEPPED_DOWN_TO_EARLY_HELP, STEPPED_DOWN_TO_UNIVERSAL_SERVICES, MOVED_OUT_OF_AREA, TRANSFERRED,
    CONSENT_WITHDRAWN, NOT_ENGAGING, OTHER
}
