package uk.org.neglectexchange.assessment.sharing;

/** Where consent to share stands; without it, a para 18 reason must be recorded. */
public enum Consent {
    GIVEN, NOT_SOUGHT, REFUSED
}
