package uk.org.neglectexchange.platform.idempotency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Honours {@code Idempotency-Key} on state-changing POSTs: the same key with the same request gets the first outcome
 * again, the same key with another request is a 422. Keys are per client; the check and the change share the caller's
 * transaction and a lock on the key, so two concurrent retries cannot both apply. Only the outcome's status and
 * resource id are kept: the answer is rebuilt from the resource, so no personal data is stored here.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final String KEY = "[A-Za-z0-9._:-]{8,100}";

    /** What the first request with a key produced. */
    public record Outcome(int status, String resourceId) {
    }

    /** What {@code work} answers and the outcome a retry is answered from. */
    public record Applied<T>(Outcome outcome, T answer) {

        public static <T> Applied<T> created(Object resourceId, T answer) {
            return new Applied<>(new Outcome(201, resourceId.toString()), answer);
        }

        public static <T> Applied<T> withStatus(int status, Object resourceId, T answer) {
            return new Applied<>(new Outcome(status, resourceId.toString()), answer);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    RequestFingerprint fingerprint;

    /**
     * Applies {@code work} the first time this client sends {@code request} with {@code key} (or always, without a
     * key); a retry is answered by {@code replay} from the first outcome, and nothing is applied again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(String key, Object request, Function<Outcome, T> replay, Supplier<Applied<T>> work) {
        Optional<Outcome> previous = previous(validKey(key), request);
        if (previous.isPresent()) {
            return replay.apply(previous.get());
        }
        Applied<T> applied = work.get();
        if (key != null) {
            remember(key, request, applied.outcome());
        }
        return applied.answer();
    }

    /** The key as sent, or a 400 naming the header when it is not 8–100 letters, digits or . _ : - (a UUID fits). */
    public static String validKey(String key) {
        if (key != null && !key.matches(KEY)) {
            throw ProblemException.badRequest(HEADER, "must be 8–100 letters, digits or . _ : -");
        }
        return key;
    }

    private Optional<Outcome> previous(String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", caller.clientId() + "/" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select request_hash, status, resource_id from idempotent_request where client_id = :c and key = :k")
                .setParameter("c", caller.clientId()).setParameter("k", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!row[0].equals(hash(request))) {
            throw ProblemException.unprocessable(HEADER, "was already used with a different request body");
        }
        return Optional.of(new Outcome(((Number) row[1]).intValue(), (String) row[2]));
    }

    private void remember(String key, Object request, Outcome outcome) {
        em.createNativeQuery("insert into idempotent_request (client_id, key, request_hash, status, resource_id, created_at)"
                + " values (:c, :k, :h, :s, :r, :t)")
                .setParameter("c", caller.clientId()).setParameter("k", key).setParameter("h", hash(request))
                .setParameter("s", outcome.status()).setParameter("r", outcome.resourceId())
                .setParameter("t", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    private String hash(Object request) {
        try {
            return fingerprint.of(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request could not be fingerprinted", e);
        }
    }
}
