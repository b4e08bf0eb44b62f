package uk.org.neglectexchange.assessment.transfer;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One period of a child's partnership history; {@code to}, the transferring client and the reason once it closed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnershipPeriodView(String partnership, OffsetDateTime from, OffsetDateTime to, String transferredByClient,
        TransferReason reason) {

    static PartnershipPeriodView of(PartnershipPeriod period) {
        return new PartnershipPeriodView(period.partnership, period.fromAt, period.toAt, period.transferredByClient,
                period.transferReason);
    }
}
