package uk.org.neglectexchange.assessment.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code nx.identity.*}: the keys that protect identities, and whether test NHS numbers are accepted. */
@ConfigMapping(prefix = "nx.identity")
public interface IdentityConfig {

    /** AES-256 key (base64) identities are encrypted with at rest. */
    String encryptionKey();

    /** HMAC-SHA256 key (base64) identities are matched by. */
    String matchingKey();

    /** NHS numbers in the 999 range are for testing: refused unless a deployment allows them. */
    @WithDefault("false")
    boolean allowTestNhsNumbers();
}
