package uk.org.neglectexchange.assessment.idempotency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.assessment.problem.ProblemException;
import uk.org.neglectexchange.assessment.security.Caller;

/**
 * Honours {@code Idempotency-Key} on creating POSTs: the same key with the same body returns the first outcome,
 * the same key with another body is a 422. Keys are per client; the check and the creation share a transaction
 * and a lock on the key, so two concurrent retries cannot both create.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    /** What the first request with this key produced. */
    public record Outcome(int status, String resourceId) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    IdentityProtection protection;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Outcome> previous(String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        if (!key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw ProblemException.badRequest(HEADER, "must be 8–100 letters, digits or . _ : -");
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) as locked")
                .setParameter("k", caller.clientId() + "/" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) em.createNativeQuery(
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, Object request, Outcome outcome) {
        if (key == null) {
            return;
        }
        em.createNativeQuery("insert into idempotent_request (client_id, key, request_hash, status, resource_id, created_at)"
                + " values (:c, :k, :h, :s, :r, :t)")
                .setParameter("c", caller.clientId()).setParameter("k", key).setParameter("h", hash(request))
                .setParameter("s", outcome.status()).setParameter("r", outcome.resourceId())
                .setParameter("t", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    /** Keyed, because a request may hold an NHS number: a plain digest of it could be reversed by trying them all. */
    private String hash(Object request) {
        try {
            return protection.matchingHash("request:" + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request could not be hashed", e);
        }
    }
}
