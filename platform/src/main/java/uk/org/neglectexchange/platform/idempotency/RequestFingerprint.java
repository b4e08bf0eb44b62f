package uk.org.neglectexchange.platform.idempotency;

/**
 * Turns a request (as JSON) into the value an {@code Idempotency-Key} is checked against. A service whose requests
 * may hold an identifier (an NHS number) provides a keyed one: a plain digest could be reversed by trying them all.
 */
public interface RequestFingerprint {

    String of(String requestJson);
}
