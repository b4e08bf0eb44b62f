package uk.org.neglectexchange.assessment.identity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import uk.org.neglectexchange.assessment.retention.ChildErased;

/**
 * Crypto-shredding: when a child is erased, its data key is destroyed in the key store, so its identity can no
 * longer be decrypted from the database or from any backup of it; its hashes go too, so it can no longer be found by
 * NHS number or by names and date. The key goes first (it is outside the transaction): if the erasure then rolls
 * back, the record stays without a readable identity (410 Gone), never an erased record with a live key.
 */
@ApplicationScoped
public class IdentityShredding {

    @Inject
    EntityManager em;

    @Inject
    IdentityProtection protection;

    @Inject
    IdentityMigration migration;

    void onErased(@Observes ChildErased erased) {
        // a duplicate merged into the child holds the same child's identity under its own key
        @SuppressWarnings("unchecked")
        List<String> duplicates = em.createNativeQuery("select child_ref from child where merged_into = :c")
                .setParameter("c", erased.childRef()).getResultList();
        shred(erased.childRef());
        duplicates.forEach(this::shred);
    }

    private void shred(String childRef) {
        // a row still under the legacy single key is first put under the child's own key, which then goes
        migration.reencryptChild(childRef);
        protection.destroyKey(childRef);
        em.createNativeQuery("update child_identity set nhs_number_hash = null, name_and_date_hash = null where child_ref = :c")
                .setParameter("c", childRef).executeUpdate();
    }
}
