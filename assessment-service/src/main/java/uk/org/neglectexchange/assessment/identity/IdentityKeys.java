package uk.org.neglectexchange.assessment.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The configured key material, checked at start: master keys (wrap the children's data keys), matching keys (make
 * the hashes identities are found by) and the legacy key (reads rows from before per-child keys). A wrapped key and a
 * hash carry their version, so any configured version reads them. Created at start ({@link Startup}), so a key that
 * is malformed or missing, or a current one left to the sources' dev-only default, stops the service from starting
 * rather than failing its first request.
 */
@Startup
@ApplicationScoped
public class IdentityKeys {

    /** A data key wrapped by the master key of {@code version}. */
    public record WrappedKey(String version, String wrapped) {
    }

    private final Map<String, SecretKeySpec> masterKeys = new TreeMap<>();
    private final Map<String, SecretKeySpec> matchingKeys = new TreeMap<>();
    private final String currentMaster;
    private final String currentMatching;
    private final Optional<SecretKeySpec> legacy;

    private final boolean devKeysAllowed;

    IdentityKeys(IdentityConfig config) {
        this.devKeysAllowed = config.devKeysAllowed();
        config.masterKeys().forEach((version, key) -> usable(key, "nx.identity.master-keys." + version)
                .ifPresent(bytes -> masterKeys.put(checkedVersion(version), AesGcm.key(bytes))));
        config.matchingKeys().forEach((version, key) -> usable(key, "nx.identity.matching-keys." + version)
                .ifPresent(bytes -> matchingKeys.put(checkedVersion(version), new SecretKeySpec(bytes, "HmacSHA256"))));
        this.currentMaster = configured(masterKeys, config.currentMasterKey(), "nx.identity.current-master-key");
        this.currentMatching = configured(matchingKeys, config.currentMatchingKey(), "nx.identity.current-matching-key");
        this.legacy = config.legacyEncryptionKey().filter(k -> !k.isBlank())
                .flatMap(k -> usable(k, "nx.identity.legacy-encryption-key")).map(AesGcm::key);
    }

    public String currentMasterVersion() {
        return currentMaster;
    }

    public String currentMatchingVersion() {
        return currentMatching;
    }

    WrappedKey wrap(String ownerRef, byte[] dataKey) {
        return wrap(ownerRef, dataKey, currentMaster);
    }

    WrappedKey wrap(String ownerRef, byte[] dataKey, String version) {
        return new WrappedKey(version, AesGcm.seal(masterKeys.get(version), dataKey, wrapContext(ownerRef, version)));
    }

    byte[] unwrap(String ownerRef, WrappedKey key) {
        SecretKeySpec master = masterKeys.get(key.version());
        if (master == null) {
            throw new IllegalStateException("master key version " + key.version() + " is not configured (nx.identity.master-keys)");
        }
        return AesGcm.open(master, key.wrapped(), wrapContext(ownerRef, key.version()));
    }

    /** {@code version:hex} of the HMAC under the matching key of that version. */
    String hash(String version, String normalised) {
        return version + ":" + hex(matchingKeys.get(version), normalised);
    }

    /** The hash under each configured matching key, the current one first: a lookup during a rotation tries them all. */
    List<String> hashes(String normalised) {
        List<String> hashes = new ArrayList<>(List.of(hash(currentMatching, normalised)));
        matchingKeys.keySet().stream().filter(v -> !v.equals(currentMatching)).forEach(v -> hashes.add(hash(v, normalised)));
        return hashes;
    }

    String unversionedHash(String normalised) {
        return hex(matchingKeys.get(currentMatching), normalised);
    }

    Optional<SecretKeySpec> legacyKey() {
        return legacy;
    }

    private static String wrapContext(String ownerRef, String version) {
        return "data-key:" + ownerRef + ":" + version;
    }

    private static String hex(SecretKeySpec key, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static String checkedVersion(String version) {
        if (!version.matches("[a-z0-9]{1,20}")) {
            throw new IllegalStateException("a key version is lower-case letters and digits, at most 20: " + version);
        }
        return version;
    }

    private <K> String configured(Map<String, K> keys, String current, String property) {
        if (!keys.containsKey(current)) {
            throw new IllegalStateException(property + "=" + current + " names no configured key version " + keys.keySet()
                    + (devKeysAllowed ? "" : " (the dev-only keys written in the sources are not used here: set the"
                            + " deployment's own, docs/operations.md \"Rotating the identity keys\")"));
        }
        return current;
    }

    /**
     * The key's bytes; none for a key written in the sources where those are not allowed: anyone could read what it
     * protects. Left out rather than refused, so that a version retired from a deployment (its variable removed, the
     * default back) is simply not there; a current version left to its default stops the start (see configured).
     */
    private Optional<byte[]> usable(String base64, String property) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes, base64-encoded");
        }
        return devKeysAllowed || !isPublished(key) ? Optional.of(key) : Optional.empty();
    }

    /** The keys in application.properties are readable text that says what they are, so no list has to be kept. */
    private static boolean isPublished(byte[] key) {
        String text = new String(key, StandardCharsets.ISO_8859_1);
        return text.contains("dev-only") || text.contains("test-only");
    }
}
