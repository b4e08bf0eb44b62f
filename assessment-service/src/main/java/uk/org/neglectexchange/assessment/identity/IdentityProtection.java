package uk.org.neglectexchange.assessment.identity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identities are encrypted at rest (AES-256-GCM) under each child's own data key, itself wrapped by a versioned
 * master key and kept in a separate key store, and matched by keyed hash (HMAC-SHA256, versioned): the database never
 * holds an NHS number, a name or a date of birth in the clear, a stolen copy cannot be searched by them, and destroying
 * one child's key (crypto-shredding, {@link IdentityShredding}) makes every copy of its identity unreadable.
 */
@ApplicationScoped
public class IdentityProtection {

    private final IdentityKeys keys;
    private final IdentityKeyStore store;

    IdentityProtection(IdentityKeys keys, IdentityKeyStore store) {
        this.keys = keys;
        this.store = store;
    }

    /** The cipher of one child's (or carer's) identity fields; use one per request, it keeps the unwrapped key. */
    public IdentityCipher of(String ownerRef) {
        return new IdentityCipher(ownerRef, keys, store);
    }

    /** The hash to store, under the current matching key ({@code version:hex}). */
    public String matchingHash(String normalised) {
        return keys.hash(keys.currentMatchingVersion(), normalised);
    }

    /** The hashes to look up by: under each configured matching key, the current first. */
    public List<String> matchingHashes(String normalised) {
        return keys.hashes(normalised);
    }

    /** Whether a stored hash was made with the current matching key, or needs re-hashing by the rotation job. */
    public boolean isCurrentHash(String stored) {
        return stored == null || stored.startsWith(keys.currentMatchingVersion() + ":");
    }

    /** A keyed request fingerprint (idempotency): unversioned, as it only lives as long as an idempotency key. */
    String fingerprint(String normalised) {
        return keys.unversionedHash(normalised);
    }

    /** Destroys the owner's data key: its values, here and in every backup, can no longer be decrypted. */
    public void destroyKey(String ownerRef) {
        store.destroy(ownerRef);
    }
}
