package uk.org.neglectexchange.escalation.caseprojection;

import java.time.LocalDate;

/**
 * Fired inside the transaction that projected a child.transferred newer than any before it: the child belongs to
 * {@code toPartnership} from {@code transferredOn}, and what this service holds about it follows (its escalations,
 * its drift alerts) before the child's drift is evaluated.
 */
public record ChildTransferred(String childRef, String fromPartnership, String toPartnership,
        LocalDate transferredOn) {
}
