package uk.org.neglectexchange.escalation.procedure;

/** Fired inside the transaction that applied a toolkit event, so D9 (edition past its review date) is re-evaluated. */
public record ToolkitChanged() {
}
