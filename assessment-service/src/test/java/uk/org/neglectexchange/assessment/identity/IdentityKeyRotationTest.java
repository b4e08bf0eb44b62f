package uk.org.neglectexchange.assessment.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.assessment.support.TestChildren.child;
import static uk.org.neglectexchange.assessment.support.TestChildren.testNhsNumber;
import static uk.org.neglectexchange.assessment.support.TestChildren.uniqueFamilyName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

import uk.org.neglectexchange.assessment.child.ChildRegistrationRule;
import uk.org.neglectexchange.assessment.child.NewChild;

/**
 * A rotation against the running service (the test profile has master and matching keys 1 and 2, 2 current): a child
 * written before per-child keys (legacy single key, version 1 hashes) and one whose data key is wrapped by master key 1
 * read and match before; deploy/bin/rotate-identity-keys waits for the job; after, both are under the current
 * versions and read the same.
 */
@QuarkusTest
class IdentityKeyRotationTest {

    @Inject
    Scheduler scheduler;

    @Inject
    IdentityKeys keys;

    @Inject
    IdentityKeyStore store;

    @Inject
    IdentityConfig config;

    @Inject
    EntityManager em;

    @Inject
    @DataSource("identity-keys")
    AgroalDataSource keyStore;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void rowsUnderOldKeysReadBeforeAndAreUnderTheCurrentOnesAfterTheRotation() throws Exception {
        LocalDate born = LocalDate.now().minusYears(4);
        String legacyFamily = uniqueFamilyName();
        String legacyNhs = testNhsNumber();
        String oldNhs = testNhsNumber();
        Map<String, Object> legacyChild = child(legacyNhs, "Alex", legacyFamily, born);
        String oldFamily = uniqueFamilyName();
        Map<String, Object> oldChild = child(oldNhs, "Jude", oldFamily, born);
        String legacyRef;
        String oldRef;
        scheduler.pause(IdentityKeyRotation.JOB);
        try {
            legacyRef = register(legacyChild);
            asLegacyRow(legacyRef, legacyNhs, "Alex", legacyFamily, born);
            oldRef = register(oldChild);
            asUnderVersion1(oldRef, oldNhs, "Jude", oldFamily, born);

            readsAs(legacyRef, "Alex", legacyNhs);
            readsAs(oldRef, "Jude", oldNhs);
            // found again by the version 1 hashes: by NHS number, and by names and date
            assertEquals(oldRef, registered(oldChild, 200));
            Map<String, Object> byNames = new HashMap<>(legacyChild);
            byNames.remove("nhsNumber");
            assertEquals(legacyRef, registered(byNames, 200));
            assertEquals(1, script("status"), "the rotation has work to do");
        } finally {
            scheduler.resume(IdentityKeyRotation.JOB);
        }

        assertEquals(0, script("wait", "60"));

        assertEquals("2", store.find(oldRef).orElseThrow().key().version());
        assertEquals("2", store.find(legacyRef).orElseThrow().key().version());
        for (String childRef : List.of(legacyRef, oldRef)) {
            for (String value : identityRow(childRef)) {
                assertTrue(value == null || value.startsWith("k1:") || value.startsWith("2:"), "under the current keys");
            }
        }
        readsAs(legacyRef, "Alex", legacyNhs);
        readsAs(oldRef, "Jude", oldNhs);
        assertEquals(legacyRef, registered(legacyChild, 200));
    }

    private static String register(Map<String, Object> child) {
        return registered(child, 201);
    }

    private static String registered(Map<String, Object> child, int status) {
        return as("hscp-health").body(child).post("/api/v1/children").then().statusCode(status).extract().path("childRef");
    }

    private static void readsAs(String childRef, String givenName, String nhsNumber) {
        as("hscp-health").get("/api/v1/children/{ref}", childRef).then().statusCode(200)
                .body("identity.givenName", equalTo(givenName)).body("identity.nhsNumber", equalTo(nhsNumber));
    }

    /** The row as it was before per-child keys: values under the legacy single key, hashes of matching key 1, no data key. */
    private void asLegacyRow(String childRef, String nhs, String given, String family, LocalDate born) throws Exception {
        var legacy = AesGcm.key(Base64.getDecoder().decode(config.legacyEncryptionKey().orElseThrow()));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update child_identity set nhs_number_hash = :nh,"
                + " name_and_date_hash = :dh, nhs_number_enc = :n, given_name_enc = :g, family_name_enc = :f,"
                + " date_of_birth_enc = :b where child_ref = :c")
                .setParameter("nh", keys.hash("1", "nhs:" + nhs))
                .setParameter("dh", version1NameHash(given, family, born))
                .setParameter("n", legacyValue(legacy, nhs)).setParameter("g", legacyValue(legacy, given))
                .setParameter("f", legacyValue(legacy, family)).setParameter("b", legacyValue(legacy, born.toString()))
                .setParameter("c", childRef).executeUpdate());
        try (var c = keyStore.getConnection(); var s = c.prepareStatement("delete from data_key where owner_ref = ?")) {
            s.setString(1, childRef);
            s.executeUpdate();
        }
    }

    private static String legacyValue(SecretKeySpec legacy, String plain) {
        return AesGcm.seal(legacy, plain.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The child's data key as master key 1 wrapped it, and its hashes as matching key 1 made them. */
    private void asUnderVersion1(String childRef, String nhs, String given, String family, LocalDate born) throws Exception {
        var wrapped = keys.wrap(childRef, keys.unwrap(childRef, store.find(childRef).orElseThrow().key()), "1");
        try (var c = keyStore.getConnection();
                var s = c.prepareStatement("update data_key set master_version = ?, wrapped_key = ? where owner_ref = ?")) {
            s.setString(1, wrapped.version());
            s.setString(2, wrapped.wrapped());
            s.setString(3, childRef);
            s.executeUpdate();
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update child_identity set nhs_number_hash = :nh, name_and_date_hash = :dh where child_ref = :c")
                .setParameter("nh", keys.hash("1", "nhs:" + nhs)).setParameter("dh", version1NameHash(given, family, born))
                .setParameter("c", childRef).executeUpdate());
    }

    private String version1NameHash(String given, String family, LocalDate born) {
        return keys.hash("1", ChildRegistrationRule.nameAndDateKey(new NewChild(null, given, family, born, null, null)));
    }

    private List<String> identityRow(String childRef) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select nhs_number_hash, name_and_date_hash, nhs_number_enc,"
                    + " given_name_enc, family_name_enc, date_of_birth_enc from child_identity where child_ref = :c")
                    .setParameter("c", childRef).getSingleResult();
            return Arrays.stream(row).map(v -> (String) v).toList();
        });
    }

    /** Runs deploy/bin/rotate-identity-keys COMMAND against this service (then its other arguments); its exit status. */
    private int script(String command, String... more) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of("..", "deploy", "bin", "rotate-identity-keys").toString(),
                command, "http://127.0.0.1:" + port));
        line.addAll(List.of(more));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        System.out.println("rotate-identity-keys " + command + ": " + output);
        return status;
    }
}
