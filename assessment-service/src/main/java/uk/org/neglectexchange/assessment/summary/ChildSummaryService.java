package uk.org.neglectexchange.assessment.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.assessment.Assessment;
import uk.org.neglectexchange.assessment.assessment.ThresholdChange;
import uk.org.neglectexchange.assessment.child.AccessedResource;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.child.ChildView;
import uk.org.neglectexchange.assessment.plan.Plans;

/**
 * Puts a child's summary together from this service's own record (child, level history, assessments, chronology)
 * and its copy of escalation-service's open escalations and drift alerts ({@link CaseAlerts}). A read of the whole
 * record: another agency states its basis and the lead agency is told, as for the chronology.
 */
@ApplicationScoped
public class ChildSummaryService {

    @Inject
    Plans plans;

    @Inject
    ChildService children;

    @Inject
    CaseAlerts alerts;

    @Inject
    EntityManager em;

    @Transactional
    public ChildSummary summary(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.SUMMARY);
        ChildView view = children.view(child);
        return new ChildSummary(child.childRef, child.partnership, child.leadAgency, view.ageBand(), view.unborn(),
                level(child.childRef), openAssessment(child.childRef), alerts.openEscalations(child.childRef),
                alerts.openDriftAlerts(child.childRef), agencies(child), plans.current(child.childRef));
    }

    private static ChildSummary.Level level(String childRef) {
        return ThresholdChange.latest(childRef)
                .map(current -> new ChildSummary.Level(current.toLevel, current.changedOn, current.assessmentId))
                .orElse(null);
    }

    private ChildSummary.OpenAssessment openAssessment(String childRef) {
        return Assessment.openOf(childRef).map(a -> new ChildSummary.OpenAssessment(a.id, a.version, a.openedAt,
                a.openedByAgency, em.createQuery("select distinct c.agency from Contribution c where c.assessmentId = :id"
                        + " order by c.agency", String.class).setParameter("id", a.id).getResultList()))
                .orElse(null);
    }

    private List<ChildSummary.AgencyInvolvement> agencies(Child child) {
        Map<String, LocalDate> entries = latest(em.createQuery("select e.agency, max(e.occurredOn) from ChronologyEntry e"
                + " where e.childRef = :child and not exists (select 1 from ChronologyRectification r where r.entryId = e.id)"
                + " group by e.agency", Object[].class).setParameter("child", child.childRef).getResultList());
        Map<String, LocalDate> contributions = latest(em.createQuery("select c.agency, max(c.contributedAt) from Contribution c,"
                + " Assessment a where c.assessmentId = a.id and a.childRef = :child and c.copiedFrom is null group by c.agency",
                Object[].class).setParameter("child", child.childRef).getResultList());
        TreeMap<String, Boolean> involved = new TreeMap<>();
        involved.put(child.leadAgency, true);
        entries.keySet().forEach(agency -> involved.putIfAbsent(agency, false));
        contributions.keySet().forEach(agency -> involved.putIfAbsent(agency, false));
        return involved.entrySet().stream().map(a -> new ChildSummary.AgencyInvolvement(a.getKey(), a.getValue(),
                entries.get(a.getKey()), contributions.get(a.getKey()))).toList();
    }

    /** agency → its latest day; a contribution's instant counts by its day in UTC, as events date things. */
    private static Map<String, LocalDate> latest(List<Object[]> rows) {
        Map<String, LocalDate> latest = new TreeMap<>();
        for (Object[] row : rows) {
            latest.put((String) row[0], row[1] instanceof OffsetDateTime at
                    ? at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : (LocalDate) row[1]);
        }
        return latest;
    }
}
