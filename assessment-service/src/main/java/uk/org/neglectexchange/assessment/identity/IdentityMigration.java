package uk.org.neglectexchange.assessment.identity;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.org.neglectexchange.assessment.child.ChildRegistrationRule;
import uk.org.neglectexchange.assessment.child.NewChild;

/**
 * Brings identities up to the current keys, a batch at a time: values under the legacy single key are re-encrypted
 * under the owner's own data key, hashes under an older matching key are made again under the current one. Rows
 * another replica is working on are skipped ({@code skip locked}), so every replica can run it at once.
 */
@ApplicationScoped
public class IdentityMigration {

    private static final Logger LOG = Logger.getLogger(IdentityMigration.class);

    private static final String CHILDREN_BEHIND = """
            from child_identity where (nhs_number_hash is not null and nhs_number_hash not like :current)
               or (name_and_date_hash is not null and name_and_date_hash not like :current)
               or nhs_number_enc not like 'k1:%' or given_name_enc not like 'k1:%' or family_name_enc not like 'k1:%'
               or date_of_birth_enc not like 'k1:%' or expected_date_of_birth_enc not like 'k1:%'""";
    private static final String CARERS_BEHIND = "from carer where given_name_enc not like 'k1:%' or family_name_enc not like 'k1:%'";

    @Inject
    EntityManager em;

    @Inject
    IdentityProtection protection;

    @Inject
    IdentityKeys keys;

    @Transactional
    public int childrenBatch(int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select child_ref, nhs_number_hash, name_and_date_hash, nhs_number_enc,"
                + " given_name_enc, family_name_enc, date_of_birth_enc, expected_date_of_birth_enc " + CHILDREN_BEHIND
                + " order by child_ref limit :size for update skip locked")
                .setParameter("current", currentHashPattern()).setParameter("size", size).getResultList();
        for (Object[] row : rows) {
            String childRef = (String) row[0];
            try {
                migrateChild(childRef, row);
            } catch (IdentityErased e) {
                LOG.errorf("the identity of %s cannot be migrated: its data key is missing or destroyed", childRef);
            }
        }
        return rows.size();
    }

    /** Re-encrypts one child's legacy values under its own key, now (an erasure does it before destroying the key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reencryptChild(String childRef) {
        IdentityCipher cipher = protection.of(childRef);
        em.createNativeQuery("select child_ref, nhs_number_hash, name_and_date_hash, nhs_number_enc, given_name_enc,"
                + " family_name_enc, date_of_birth_enc, expected_date_of_birth_enc from child_identity where child_ref = :c")
                .setParameter("c", childRef).getResultStream().findFirst()
                .ifPresent(row -> updateValues(childRef, cipher, (Object[]) row));
    }

    @Transactional
    public int carersBatch(int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select carer_ref, given_name_enc, family_name_enc " + CARERS_BEHIND
                + " order by carer_ref limit :size for update skip locked").setParameter("size", size).getResultList();
        for (Object[] row : rows) {
            IdentityCipher cipher = protection.of((String) row[0]);
            em.createNativeQuery("update carer set given_name_enc = :g, family_name_enc = :f where carer_ref = :c")
                    .setParameter("g", cipher.reencrypt((String) row[1])).setParameter("f", cipher.reencrypt((String) row[2]))
                    .setParameter("c", row[0]).executeUpdate();
        }
        return rows.size();
    }

    @Transactional
    public long childrenBehind() {
        return ((Number) em.createNativeQuery("select count(*) " + CHILDREN_BEHIND)
                .setParameter("current", currentHashPattern()).getSingleResult()).longValue();
    }

    @Transactional
    public long carersBehind() {
        return ((Number) em.createNativeQuery("select count(*) " + CARERS_BEHIND).getSingleResult()).longValue();
    }

    private void migrateChild(String childRef, Object[] row) {
        IdentityCipher cipher = protection.of(childRef);
        String nhsHash = (String) row[1];
        String nameHash = (String) row[2];
        if (!protection.isCurrentHash(nhsHash) || !protection.isCurrentHash(nameHash)) {
            String nhsNumber = cipher.decrypt((String) row[3]);
            NewChild identity = new NewChild(null, cipher.decrypt((String) row[4]), cipher.decrypt((String) row[5]),
                    date(cipher.decrypt((String) row[6])), date(cipher.decrypt((String) row[7])), null);
            em.createNativeQuery("update child_identity set nhs_number_hash = :n, name_and_date_hash = :d where child_ref = :c")
                    .setParameter("n", nhsHash == null ? null : protection.matchingHash("nhs:" + nhsNumber))
                    .setParameter("d", nameHash == null ? null : protection.matchingHash(ChildRegistrationRule.nameAndDateKey(identity)))
                    .setParameter("c", childRef).executeUpdate();
        }
        updateValues(childRef, cipher, row);
    }

    private void updateValues(String childRef, IdentityCipher cipher, Object[] row) {
        em.createNativeQuery("update child_identity set nhs_number_enc = :n, given_name_enc = :g, family_name_enc = :f,"
                + " date_of_birth_enc = :b, expected_date_of_birth_enc = :e where child_ref = :c")
                .setParameter("n", cipher.reencrypt((String) row[3])).setParameter("g", cipher.reencrypt((String) row[4]))
                .setParameter("f", cipher.reencrypt((String) row[5])).setParameter("b", cipher.reencrypt((String) row[6]))
                .setParameter("e", cipher.reencrypt((String) row[7])).setParameter("c", childRef).executeUpdate();
    }

    private String currentHashPattern() {
        return keys.currentMatchingVersion() + ":%";
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
