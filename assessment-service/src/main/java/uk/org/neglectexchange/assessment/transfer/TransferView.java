package uk.org.neglectexchange.assessment.transfer;

import java.time.OffsetDateTime;

/** A transfer as the client that asked for it sees it. */
public record TransferView(String childRef, String fromPartnership, String toPartnership, OffsetDateTime transferredAt,
        TransferReason reason) {
}
