package uk.org.neglectexchange.gateway.notification.subscription;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its client sees it; {@code secret} only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String url, List<String> types, String status, String disabledReason,
        OffsetDateTime failingSince, OffsetDateTime createdAt,
        @Schema(description = "The signing secret (whsec_…): shown only in the answer to the request that created the"
                + " subscription (and to a retry of it with the same Idempotency-Key). Keep it; it is never shown again.")
        String secret) {

    SubscriptionView withoutSecret() {
        return new SubscriptionView(id, url, types, status, disabledReason, failingSince, createdAt, null);
    }

    /** A page of subscriptions or of deliveries; {@code nextCursor} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(List<T> items, String nextCursor) {
    }
}
