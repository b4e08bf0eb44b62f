package uk.org.neglectexchange.assessment.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.assessment.support.TestChildren.child;
import static uk.org.neglectexchange.assessment.support.TestChildren.testNhsNumber;
import static uk.org.neglectexchange.assessment.support.TestChildren.uniqueFamilyName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import uk.org.neglectexchange.assessment.retention.ChildErased;

/**
 * Crypto-shredding: a dump of the assessment database taken before a child's erasure cannot be read after it, with
 * any key the service has; the live database neither; another child still reads.
 */
@QuarkusTest
class IdentityShreddingTest {

    private static final List<String> ENCRYPTED = List.of("nhs_number_enc", "given_name_enc", "family_name_enc", "date_of_birth_enc");

    @Inject
    Event<ChildErased> erased;

    @Inject
    IdentityProtection protection;

    @Inject
    IdentityKeyStore store;

    @Inject
    IdentityConfig config;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String assessmentDb;

    @Test
    void anErasedChildsIdentityCannotBeReadFromTheDatabaseOrFromABackupTakenBefore() throws Exception {
        String nhs = testNhsNumber();
        Map<String, Object> request = child(nhs, "Rowan", uniqueFamilyName(), LocalDate.now().minusYears(5));
        String erasedRef = as("hscp-health").body(request).post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        String keptRef = as("hscp-health").body(child(testNhsNumber(), "Ellis", uniqueFamilyName(), LocalDate.now().minusYears(7)))
                .post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        Map<String, String> dumped = dumpedIdentity(erasedRef);
        assertEquals("Rowan", protection.of(erasedRef).decrypt(dumped.get("given_name_enc")), "readable before the erasure");

        QuarkusTransaction.requiringNew().run(() -> erased.fire(new ChildErased(erasedRef)));

        assertTrue(store.find(erasedRef).orElseThrow().destroyed());
        Map<String, String> live = liveIdentity(erasedRef);
        for (String column : ENCRYPTED) {
            for (String value : List.of(dumped.get(column), live.get(column))) {
                assertThrows(IdentityErased.class, () -> protection.of(erasedRef).decrypt(value), column);
                assertNoConfiguredKeyOpens(value, erasedRef);
            }
        }
        assertNull(live.get("nhs_number_hash"));
        assertNull(live.get("name_and_date_hash"));

        as("hscp-health").get("/api/v1/children/{ref}", erasedRef).then().statusCode(410)
                .contentType("application/problem+json").body(not(containsString("Rowan"))).body(not(containsString(nhs)));
        as("hscp-health").get("/api/v1/children/{ref}", keptRef).then().statusCode(200).body("identity.givenName", equalTo("Ellis"));
        // no longer found by its NHS number: the same number registers a new record
        String again = as("hscp-health").body(request).post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        assertNotEquals(erasedRef, again);
    }

    /** Neither a master key, nor the legacy key, nor a matching key decrypts the value, as it is or as a data key would. */
    private void assertNoConfiguredKeyOpens(String value, String childRef) {
        List<String> keys = new ArrayList<>(config.masterKeys().values());
        keys.addAll(config.matchingKeys().values());
        config.legacyEncryptionKey().ifPresent(keys::add);
        String sealed = value.substring(IdentityCipher.DATA_KEY_PREFIX.length());
        for (String key : keys) {
            var spec = AesGcm.key(Base64.getDecoder().decode(key));
            assertThrows(IllegalStateException.class, () -> AesGcm.open(spec, sealed, childRef));
            assertThrows(IllegalStateException.class, () -> AesGcm.open(spec, sealed, null));
        }
    }

    private Map<String, String> dumpedIdentity(String childRef) throws IOException, InterruptedException {
        String database = assessmentDb.substring(assessmentDb.lastIndexOf('/') + 1);
        Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--data-only",
                "--table=child_identity", database).redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, dump.waitFor(), text);
        String header = text.lines().filter(l -> l.startsWith("COPY public.child_identity ")).findFirst().orElseThrow();
        List<String> columns = Arrays.stream(header.substring(header.indexOf('(') + 1, header.indexOf(')')).split(", ")).toList();
        String row = text.lines().filter(l -> l.startsWith(childRef + "\t")).findFirst().orElseThrow();
        String[] values = row.split("\t", -1);
        Map<String, String> identity = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            identity.put(columns.get(i), "\\N".equals(values[i]) ? null : values[i]);
        }
        assertFalse(row.contains("Rowan"), "the dump holds no clear name");
        return identity;
    }

    private Map<String, String> liveIdentity(String childRef) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select nhs_number_hash, name_and_date_hash, nhs_number_enc,"
                    + " given_name_enc, family_name_enc, date_of_birth_enc from child_identity where child_ref = :c")
                    .setParameter("c", childRef).getSingleResult();
            Map<String, String> identity = new HashMap<>();
            List<String> columns = List.of("nhs_number_hash", "name_and_date_hash", "nhs_number_enc", "given_name_enc",
                    "family_name_enc", "date_of_birth_enc");
            for (int i = 0; i < columns.size(); i++) {
                identity.put(columns.get(i), (String) row[i]);
            }
            return identity;
        });
    }
}
