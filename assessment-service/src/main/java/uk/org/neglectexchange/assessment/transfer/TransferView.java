package uk.org.neglectexchange.assessment.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A transfer as the partnerships it concerns see it; {@code acceptedAt} once the receiving partnership accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferView(UUID id, String childRef, String fromPartnership, String toPartnership, TransferReason reason,
        TransferStatus status, OffsetDateTime requestedAt, LocalDate acceptBy, OffsetDateTime acceptedAt) {

    static TransferView of(ChildTransfer t) {
        return new TransferView(t.id, t.childRef, t.fromPartnership, t.toPartnership, t.reason, t.status, t.requestedAt,
                t.acceptBy, t.acceptedAt);
    }
}
