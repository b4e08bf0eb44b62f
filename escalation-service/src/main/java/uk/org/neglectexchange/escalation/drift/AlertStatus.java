package uk.org.neglectexchange.escalation.drift;

/** An alert is OPEN until someone acknowledges it; either way it is CLEARED only when its condition ends. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, CLEARED
}
