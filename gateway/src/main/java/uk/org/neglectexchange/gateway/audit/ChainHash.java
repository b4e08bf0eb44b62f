package uk.org.neglectexchange.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rule that links a trail row to the one before it: hash = SHA-256 (hex) of the previous row's hash, a newline,
 * and the row's canonical form, a JSON array of its fields in a fixed order with the time in UTC to the microsecond
 * (what PostgreSQL keeps). The first row of a partnership follows {@link #GENESIS}.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainHash() {
    }

    public static String of(String prevHash, TrailRow row) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((prevHash + "\n" + canonical(row)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String canonical(TrailRow row) {
        try {
            return JSON.writeValueAsString(Arrays.asList(row.partnership(), row.sequence(), row.eventId().toString(),
                    row.service(), row.entryId(), time(row.at()), row.clientId(), row.agency(), row.practitionerId(),
                    row.purpose(), row.action(), row.childRef(), row.outcome(), row.requestId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings and numbers is always JSON", e);
        }
    }

    static String time(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).format(MICROS);
    }
}
