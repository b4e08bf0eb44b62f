package uk.org.neglectexchange.assessment.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The keys a deployment starts with: the sources' dev-only keys only where they are allowed. */
class IdentityKeysTest {

    private static final Pattern BASE64_KEY = Pattern.compile("[A-Za-z0-9+/]{43}=");
    private static final String DEV_ONLY_MASTER = base64("dev-only-master-key-version-1---");

    @Test
    void aCurrentKeyLeftToTheSourcesDevOnlyDefaultStopsTheStartWhereTheyAreNotAllowed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new IdentityKeys(config(Map.of("1", DEV_ONLY_MASTER), "1", randomKey(), false)));
        assertTrue(refused.getMessage().startsWith("nx.identity.current-master-key=1 names no configured key version []"));
        assertTrue(refused.getMessage().contains("dev-only keys written in the sources are not used here"));
        assertFalse(refused.getMessage().contains(DEV_ONLY_MASTER), "the message repeats the key");
        assertThrows(IllegalStateException.class, () -> new IdentityKeys(
                config(Map.of("1", randomKey()), "1", base64("test-only-matching-key-version-2"), false)));
    }

    @Test
    void aRetiredVersionBackToItsDefaultIsLeftOut() {
        // step 4 of the rotation runbook: version 1's variable removed, its dev-only default applies again
        IdentityKeys keys = new IdentityKeys(config(Map.of("1", DEV_ONLY_MASTER, "2", randomKey()), "2", randomKey(), false));
        assertEquals("2", keys.currentMasterVersion());
        IllegalStateException unreadable = assertThrows(IllegalStateException.class,
                () -> keys.unwrap("CH-ABCDEFGH23", new IdentityKeys.WrappedKey("1", "AAAA")));
        assertTrue(unreadable.getMessage().contains("master key version 1 is not configured"));
    }

    @Test
    void theyAreTakenWhereAllowedAndADeploymentsOwnKeysAlways() {
        assertDoesNotThrow(() -> new IdentityKeys(config(Map.of("1", DEV_ONLY_MASTER), "1", randomKey(), true)));
        assertDoesNotThrow(() -> new IdentityKeys(config(Map.of("1", randomKey()), "1", randomKey(), false)));
    }

    @Test
    void everyKeyWrittenInApplicationPropertiesIsRecognised() throws Exception {
        // a key added to the sources without saying dev-only (or test-only) would slip through: this finds it
        List<String> written = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher key = BASE64_KEY.matcher(line);
            if (line.contains("nx.identity.") && key.find()) {
                written.add(key.group());
            }
        }
        assertEquals(5, written.size(), "the keys in application.properties: " + written.size());
        for (String key : written) {
            assertThrows(IllegalStateException.class, () -> new IdentityKeys(config(Map.of("1", key), "1", randomKey(), false)));
        }
    }

    private static IdentityConfig config(Map<String, String> masters, String currentMaster, String matching,
            boolean devKeysAllowed) {
        return new IdentityConfig() {
            public Map<String, String> masterKeys() {
                return masters;
            }

            public String currentMasterKey() {
                return currentMaster;
            }

            public Map<String, String> matchingKeys() {
                return Map.of("1", matching);
            }

            public String currentMatchingKey() {
                return "1";
            }

            public Optional<String> legacyEncryptionKey() {
                return Optional.empty();
            }

            public boolean allowTestNhsNumbers() {
                return false;
            }

            public boolean devKeysAllowed() {
                return devKeysAllowed;
            }

            public Rotation rotation() {
                throw new UnsupportedOperationException("not read by IdentityKeys");
            }
        };
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
