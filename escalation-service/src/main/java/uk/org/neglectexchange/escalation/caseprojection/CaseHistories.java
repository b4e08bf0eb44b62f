package uk.org.neglectexchange.escalation.caseprojection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the projection: one child's history, and every child the daily scan goes through. */
@ApplicationScoped
public class CaseHistories {

    @Inject
    EntityManager em;

    /**
     * The child's projected facts and the overdue stages of its open escalations; the partnership is the projection's,
     * or, for a child no assessment event has named yet, that of its open escalations.
     */
    public Optional<CaseHistory> load(String childRef) {
        @SuppressWarnings("unchecked")
        List<Object> partnership = em.createNativeQuery("select partnership from case_child where child_ref = :child"
                + " union all (select partnership from escalation where child_ref = :child and status = 'OPEN'"
                + " order by sequence_no desc limit 1)")
                .setParameter("child", childRef).getResultList();
        if (partnership.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, ref_id, on_date, agency, from_level, to_level, event_id"
                + " from case_fact where child_ref = :child"
                + " union all select s.id, 'ESCALATION_OVERDUE', e.id, s.deadline_breached_on, null, null, s.stage, null"
                + " from escalation e join escalation_stage s on s.escalation_id = e.id"
                + " where e.child_ref = :child and e.status = 'OPEN' and s.deadline_breached_on is not null")
                .setParameter("child", childRef).getResultList();
        List<CaseFact> facts = rows.stream().map(r -> new CaseFact((UUID) r[0], FactKind.valueOf((String) r[1]),
                (UUID) r[2], date(r[3]), (String) r[4], (Integer) r[5], (Integer) r[6], (UUID) r[7])).toList();
        return Optional.of(new CaseHistory(childRef, (String) partnership.get(0), facts));
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
