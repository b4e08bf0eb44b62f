package uk.org.neglectexchange.assessment.identity;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.assessment.identity.IdentityKeyStore.StoredKey;

/**
 * Encrypts and decrypts the identity fields of one owner (a child or a carer) under its own data key, fetched from
 * the key store once (and made on the first write). A value says how it was made: {@code k1:} under the owner's data
 * key, no prefix under the legacy single key (rows from before per-child keys, read until the rotation job has
 * re-encrypted them).
 */
public class IdentityCipher {

    static final String DATA_KEY_PREFIX = "k1:";

    private static final Logger LOG = Logger.getLogger(IdentityCipher.class);

    private final String ownerRef;
    private final IdentityKeys keys;
    private final IdentityKeyStore store;
    private SecretKeySpec dataKey;

    IdentityCipher(String ownerRef, IdentityKeys keys, IdentityKeyStore store) {
        this.ownerRef = ownerRef;
        this.keys = keys;
        this.store = store;
    }

    public String encrypt(String plain) {
        return plain == null ? null
                : DATA_KEY_PREFIX + AesGcm.seal(dataKey(true), plain.getBytes(StandardCharsets.UTF_8), ownerRef);
    }

    /** @throws IdentityErased when the owner's data key was destroyed */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(DATA_KEY_PREFIX)) {
            return new String(AesGcm.open(dataKey(false), stored.substring(DATA_KEY_PREFIX.length()), ownerRef),
                    StandardCharsets.UTF_8);
        }
        SecretKeySpec legacy = keys.legacyKey().orElseThrow(() -> new IllegalStateException(
                "a value from before per-child keys, but nx.identity.legacy-encryption-key is not set"));
        return new String(AesGcm.open(legacy, stored, null), StandardCharsets.UTF_8);
    }

    /**
     * Refuses an owner whose key was destroyed, even where no value needed decrypting (an unborn baby's absent date of
     * birth), so an erased child answers 410 whatever the caller may see of it.
     */
    public IdentityCipher requireNotErased() {
        if (dataKey == null && store.find(ownerRef).map(StoredKey::destroyed).orElse(false)) {
            throw new IdentityErased();
        }
        return this;
    }

    /** The value under the owner's data key: a legacy value is re-encrypted, a current one is left as it is. */
    public String reencrypt(String stored) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored));
    }

    public static boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(DATA_KEY_PREFIX);
    }

    private SecretKeySpec dataKey(boolean createIfMissing) {
        if (dataKey == null) {
            StoredKey stored = store.find(ownerRef).orElse(null);
            if (stored == null && createIfMissing) {
                stored = store.createUnlessPresent(ownerRef, keys.wrap(ownerRef, AesGcm.randomKey()));
            }
            if (stored == null) {
                // values under a data key the store never had: a key store restored from too old a backup
                LOG.errorf("no data key in the identity key store for %s: its identity cannot be read", ownerRef);
                throw new IdentityErased();
            }
            if (stored.destroyed()) {
                throw new IdentityErased();
            }
            dataKey = AesGcm.key(keys.unwrap(ownerRef, stored.key()));
        }
        return dataKey;
    }
}
