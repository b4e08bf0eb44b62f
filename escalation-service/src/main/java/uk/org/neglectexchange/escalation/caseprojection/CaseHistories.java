package uk.org.neglectexchange.escalation.caseprojection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the projection: one child's history, a page of children's for the daily scan, and every child it goes through. */
@ApplicationScoped
public class CaseHistories {

    @Inject
    EntityManager em;

    /**
     * The child's projected facts and the overdue stages of its open escalations; the partnership is the projection's,
     * or, for a child no assessment event has named yet, that of its open escalations.
     */
    public Optional<CaseHistory> load(String childRef) {
        return Optional.ofNullable(load(List.of(childRef)).get(childRef));
    }

    /** {@link #load(String)} for many children in three queries, not three per child: the daily scan's page. */
    public Map<String, CaseHistory> load(Collection<String> childRefs) {
        @SuppressWarnings("unchecked")
        List<Object[]> partnerships = em.createNativeQuery("select child_ref, partnership from case_child"
                + " where child_ref in (:children)"
                + " union all (select distinct on (child_ref) child_ref, partnership from escalation"
                + " where child_ref in (:children) and status = 'OPEN'"
                + " and child_ref not in (select child_ref from case_child where child_ref in (:children))"
                + " order by child_ref, sequence_no desc)")
                .setParameter("children", childRefs).getResultList();
        if (partnerships.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select child_ref, id, kind, ref_id, on_date, agency, from_level, to_level,"
                + " event_id, partnership, due_on from case_fact where child_ref in (:children)"
                + " union all select e.child_ref, s.id, 'ESCALATION_OVERDUE', e.id, s.deadline_breached_on, null, null, s.stage,"
                + " null, null, null"
                + " from escalation e join escalation_stage s on s.escalation_id = e.id"
                + " where e.child_ref in (:children) and e.status = 'OPEN' and s.deadline_breached_on is not null")
                .setParameter("children", childRefs).getResultList();
        Map<String, List<CaseFact>> facts = new HashMap<>();
        for (Object[] r : rows) {
            facts.computeIfAbsent((String) r[0], child -> new ArrayList<>()).add(new CaseFact((UUID) r[1],
                    FactKind.valueOf((String) r[2]), (UUID) r[3], date(r[4]), (String) r[5], (Integer) r[6], (Integer) r[7],
                    (UUID) r[8], (String) r[9], r[10] == null ? null : date(r[10])));
        }
        Map<String, CaseHistory> histories = new HashMap<>();
        for (Object[] p : partnerships) {
            String child = (String) p[0];
            histories.put(child, new CaseHistory(child, (String) p[1], facts.getOrDefault(child, List.of())));
        }
        return histories;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> childRefs() {
        return em.createNativeQuery("select child_ref from case_child union select child_ref from escalation"
                + " where status = 'OPEN' order by 1").getResultList();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
