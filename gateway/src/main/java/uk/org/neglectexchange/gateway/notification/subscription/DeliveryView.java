package uk.org.neglectexchange.gateway.notification.subscription;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One webhook delivery: its {@code id} is the {@code webhook-id} sent; the last answer's HTTP status or the error
 * (no answer); for Encompass, the time to act by and whether it arrived before then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, String type, String status, int attempts, OffsetDateTime nextAttemptAt,
        Integer lastStatus, String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt, OffsetDateTime actBy,
        Boolean arrivedBeforeActBy) {
}
