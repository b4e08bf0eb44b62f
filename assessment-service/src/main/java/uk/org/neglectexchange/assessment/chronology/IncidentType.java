package uk.org.neglectexchange.assessment.chronology;

/**
 * What kind of incident the police attended, on a POLICE_ATTENDANCE entry the police record: enough for Operation
 * Encompass (a domestic-abuse incident involving a school-age child is told to the school before the next school day),
 * as a code on the event, never the police narrative.
 */
public enum IncidentType {
    DOMESTIC_ABUSE, OTHER
}
