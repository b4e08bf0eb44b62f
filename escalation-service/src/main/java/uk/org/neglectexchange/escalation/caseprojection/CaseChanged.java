package uk.org.neglectexchange.escalation.caseprojection;

/** Fired inside the transaction that projected an event, so the child's drift is evaluated with it. */
public record CaseChanged(String childRef) {
}
