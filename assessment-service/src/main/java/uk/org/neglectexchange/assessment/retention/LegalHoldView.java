package uk.org.neglectexchange.assessment.retention;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A legal hold as the data protection officer sees it: active while {@code liftedAt} is null. */
public record LegalHoldView(UUID id, String childRef, String reason, OffsetDateTime setAt, String setByPractitioner,
        OffsetDateTime liftedAt, String liftedByPractitioner, String liftReason) {

    static LegalHoldView of(LegalHold hold) {
        return new LegalHoldView(hold.id, hold.childRef, hold.reason, hold.setAt, hold.setByPractitioner, hold.liftedAt,
                hold.liftedByPractitioner, hold.liftReason);
    }
}
