package uk.org.neglectexchange.assessment.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Data of the transfer events on assessment-events: codes and agencies, never who the child is. */
public final class TransferEvents {

    private TransferEvents() {
    }

    public static final String REQUESTED = "child.transfer-requested";
    public static final String TRANSFERRED = "child.transferred";

    /**
     * The sending partnership asked; the child stays with it ({@code partnership}) until the receiving one accepts by
     * {@code acceptBy} (escalation-service's drift rule D10 alerts the receiving partnership after that day).
     */
    public record Requested(UUID transferId, String childRef, String partnership, String fromPartnership,
            String toPartnership, LocalDate requestedOn, OffsetDateTime requestedAt, LocalDate acceptBy,
            TransferReason reason, String byAgency) {
    }

    /**
     * The receiving partnership accepted: the child belongs to it from {@code transferredAt} (the acceptance). Both
     * partnerships' dashboards read it: the one the child left and the one it joined ({@code partnership}).
     */
    public record Transferred(String childRef, String partnership, String fromPartnership, String toPartnership,
            LocalDate transferredOn, OffsetDateTime transferredAt, TransferReason reason, String byAgency,
            UUID transferId, OffsetDateTime requestedAt, String acceptedByAgency) {
    }
}
