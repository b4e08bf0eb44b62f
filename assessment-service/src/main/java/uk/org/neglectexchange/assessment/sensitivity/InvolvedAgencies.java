package uk.org.neglectexchange.assessment.sensitivity;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * "Agencies involved with the child", from what this service holds: the lead agency (the one that registered the
 * child, or took it over on a transfer), every agency with an entry in its chronology that was not rectified away,
 * and every agency that opened or contributed to one of its assessments. Agency codes are per partnership, and
 * a child's record is read within its own partnership only, so the code alone names the agency.
 */
@ApplicationScoped
public class InvolvedAgencies {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Set<String> of(String childRef) {
        return new HashSet<>(em.createNativeQuery("""
                select lead_agency from child where child_ref = :c
                union select e.agency from chronology_entry e where e.child_ref = :c
                    and not exists (select 1 from chronology_rectification r where r.entry_id = e.id)
                union select opened_by_agency from assessment where child_ref = :c
                union select k.agency from assessment_contribution k join assessment a on a.id = k.assessment_id
                    where a.child_ref = :c""").setParameter("c", childRef).getResultList());
    }
}
