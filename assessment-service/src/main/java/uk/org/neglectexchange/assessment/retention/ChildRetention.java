package uk.org.neglectexchange.assessment.retention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import uk.org.neglectexchange.assessment.child.ChildIdentity;
import uk.org.neglectexchange.assessment.identity.IdentityCipher;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;

/**
 * Reads what {@link RetentionRule} needs of one child's record and asks it. The date of birth is decrypted here, for
 * the evaluation alone: it is neither kept nor logged.
 */
@ApplicationScoped
public class ChildRetention {

    @Inject
    EntityManager em;

    @Inject
    IdentityProtection protection;

    @Inject
    RetentionConfig config;

    public RetentionRule.Disposal disposal(String childRef) {
        return RetentionRule.disposal(facts(childRef), config);
    }

    private RetentionRule.Facts facts(String childRef) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select exists (select 1 from child_plan where child_ref = :c and kind = 'LOOKED_AFTER'),
                       exists (select 1 from child_plan where child_ref = :c and kind = 'CHILD_PROTECTION')
                           or exists (select 1 from chronology_entry where child_ref = :c and type = 'CONFERENCE'),
                       greatest(c.registered_at::date,
                           (select max(greatest(occurred_on, recorded_at::date)) from chronology_entry where child_ref = :c),
                           (select max(greatest(opened_at::date, completed_at::date, level_decided_at::date))
                                from assessment where child_ref = :c),
                           (select max(greatest(start_date, end_date)) from child_plan where child_ref = :c)),
                       case when not exists (select 1 from child_plan where child_ref = :c)
                            and not exists (select 1 from assessment where child_ref = :c)
                            and exists (select 1 from chronology_entry where child_ref = :c and type = 'REFERRAL')
                            and not exists (select 1 from chronology_entry where child_ref = :c
                                and (type = 'CONFERENCE' or (type = 'REFERRAL_DECISION' and decision <> 'NO_FURTHER_ACTION')
                                    or (type = 'REFERRAL' and not exists (select 1 from chronology_entry d
                                        where d.referral_id = chronology_entry.id and d.decision = 'NO_FURTHER_ACTION'))))
                       then (select max(occurred_on) from chronology_entry where child_ref = :c and type = 'CLOSURE') end
                from child c where c.child_ref = :c""").setParameter("c", childRef).getSingleResult();
        return new RetentionRule.Facts(birth(childRef), (Boolean) row[0], (Boolean) row[1], date(row[2]),
                Optional.ofNullable(date(row[3])));
    }

    /** The date of birth, or the expected one of a child registered unborn and not yet born (RetentionRule). */
    private LocalDate birth(String childRef) {
        ChildIdentity identity = ChildIdentity.findById(childRef);
        IdentityCipher cipher = protection.of(childRef);
        String born = cipher.decrypt(identity.dateOfBirth);
        return LocalDate.parse(born != null ? born : cipher.decrypt(identity.expectedDateOfBirth));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
