package uk.org.neglectexchange.escalation.drift;

/** AMBER: a clock has run out; RED: long past it (D6: more than level4RedMonths continuously at level 4). */
public enum Severity {
    AMBER, RED
}
