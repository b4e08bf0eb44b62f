package uk.org.neglectexchange.escalation.escalation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.escalation.problem.ProblemException;

/**
 * An agency system that lost the response retries its POST with the same {@code Idempotency-Key}: it gets the
 * escalation the first attempt raised, never a second one. The same key with a different request is refused, since
 * the client has mixed up two escalations.
 */
@ApplicationScoped
public class IdempotentRaise {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    ObjectMapper json;

    /** The escalation this client already raised with this key, if the request is the same one; call within the raise's transaction. */
    public Optional<Escalation> earlier(String clientId, String key, NewEscalation request) {
        if (key == null) {
            return Optional.empty();
        }
        // two retries arriving together wait for each other instead of both raising
        Escalation.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", "escalation-raise/" + clientId + "/" + key).getSingleResult();
        Optional<Escalation> earlier = Escalation.<Escalation>find("raisedByClient = ?1 and idempotencyKey = ?2", clientId, key)
                .firstResultOptional();
        if (earlier.isPresent() && !earlier.get().requestHash.equals(hash(request))) {
            throw ProblemException.unprocessable(HEADER, "This key was used for a different escalation: use a new key"
                    + " for a new request");
        }
        return earlier;
    }

    public void remember(Escalation raised, String key, NewEscalation request) {
        if (key != null) {
            raised.idempotencyKey = key;
            raised.requestHash = hash(request);
        }
    }

    /** The same rule as the assessment service's keys: 8–100 letters, digits or . _ : - (a UUID fits). */
    public static String validKey(String key) {
        if (key != null && !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw ProblemException.badRequest(HEADER, "must be 8–100 letters, digits or . _ : -");
        }
        return key;
    }

    private String hash(NewEscalation request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the request cannot be fingerprinted", e);
        }
    }
}
