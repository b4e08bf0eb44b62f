package uk.org.neglectexchange.assessment.chronology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Where a page ended, in the reading order (occurredOn, recordedAt, sequence). Keyset, not offset: entries added
 * while a client pages on neither repeat nor vanish. Opaque to clients; a cursor they altered is a 400.
 */
record ChronologyCursor(LocalDate occurredOn, OffsetDateTime recordedAt, long sequenceNo) {

    static ChronologyCursor after(ChronologyEntry last) {
        return new ChronologyCursor(last.occurredOn, last.recordedAt, last.sequenceNo);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt.toInstant());
        String plain = "v1|" + occurredOn + "|" + micros + "|" + sequenceNo;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ChronologyCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("not a cursor");
            }
            Instant recorded = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            return new ChronologyCursor(LocalDate.parse(parts[1]), recorded.atOffset(ZoneOffset.UTC), Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this service returned: use nextCursor as given");
        }
    }
}
