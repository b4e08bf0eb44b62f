package uk.org.neglectexchange.assessment.identity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code nx.identity.*}: the keys that protect identities, and whether test NHS numbers are accepted. Keys are
 * versioned (a version is lower-case letters and digits, e.g. {@code 2}): every configured version is readable, the
 * current one writes, so a new version can be added everywhere before it becomes current (docs/operations.md).
 */
@ConfigMapping(prefix = "nx.identity")
public interface IdentityConfig {

    /** AES-256 master keys (base64) by version: they wrap each child's own data key, kept in the key store. */
    Map<String, String> masterKeys();

    /** The master key version new and re-wrapped data keys are wrapped with. */
    String currentMasterKey();

    /** HMAC-SHA256 keys (base64) by version: identities are matched by hashes made with them. */
    Map<String, String> matchingKeys();

    /** The matching key version new hashes are made with; lookups try every configured version. */
    String currentMatchingKey();

    /**
     * The single AES-256 key (base64) identities were encrypted with before per-child keys: only read, until every
     * row has been re-encrypted under its own key (the rotation job does it); then it is removed.
     */
    Optional<String> legacyEncryptionKey();

    /** NHS numbers in the 999 range are for testing: refused unless a deployment allows them. */
    @WithDefault("false")
    boolean allowTestNhsNumbers();

    /**
     * Whether the keys written in the sources ("dev-only…", "test-only…" once decoded) may be used: in dev and test,
     * and where test NHS numbers are allowed (the local suite); anywhere else the service refuses to start with them.
     */
    @WithDefault("false")
    boolean devKeysAllowed();

    Rotation rotation();

    interface Rotation {

        /** How often the job runs ({@code @Scheduled} reads it as {@code ${nx.identity.rotation.every}}). */
        String every();

        /** Rows taken per batch (each replica takes its own, skipping rows another holds). */
        @WithDefault("200")
        int batchSize();

        /** How long one run of the job may keep taking batches. */
        @WithDefault("20S")
        Duration maxRun();
    }
}
