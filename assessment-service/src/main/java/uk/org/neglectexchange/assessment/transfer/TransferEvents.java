package uk.org.neglectexchange.assessment.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Data of child.transferred on assessment-events: codes and agencies, never who the child is. */
public final class TransferEvents {

    private TransferEvents() {
    }

    public static final String TRANSFERRED = "child.transferred";

    /** Both partnerships' dashboards read it: the one the child left and the one it joined ({@code partnership}). */
    public record Transferred(String childRef, String partnership, String fromPartnership, String toPartnership,
            LocalDate transferredOn, OffsetDateTime transferredAt, TransferReason reason, String byAgency) {
    }
}
