package uk.org.neglectexchange.gateway.notification;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Which agencies are involved with a child in a partnership (table child_involvement), built from the events: the
 * registering agency, every agency that wrote to its chronology, opened or contributed to an assessment, or is a
 * party to an escalation about it; after a transfer in, children's services of the new partnership. An agency involved
 * only through chronology entries stops being involved when the last of them is rectified (chronology.entry-rectified).
 */
@ApplicationScoped
public class ChildInvolvement implements NotificationRule.Involvement {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<String> agencies(String childRef, String partnership) {
        return em.createNativeQuery("select agency from child_involvement where child_ref = :child and partnership = :p"
                + " order by agency").setParameter("child", childRef).setParameter("p", partnership).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReceivedEvent event) {
        JsonNode data = event.data();
        String childRef = text(data, "childRef");
        String partnership = text(data, "partnership");
        switch (event.type()) {
            case "child.registered" -> involve(childRef, partnership, text(data, "leadAgency"));
            case "chronology.entry-added" -> entry(childRef, partnership, text(data, "agency"), text(data, "entryId"));
            // the referral, decision and closure entries: entry-added, sent before each, already recorded the entry
            case "referral.received" -> byEntry(childRef, partnership, text(data, "agency"), text(data, "referralId"));
            case "referral.decided" -> byEntry(childRef, partnership, text(data, "agency"), text(data, "decisionId"));
            case "case.closed" -> byEntry(childRef, partnership, text(data, "agency"), text(data, "closureId"));
            case "chronology.entry-rectified" -> rectified(childRef, partnership, text(data, "agency"), text(data, "entryId"));
            case "assessment.started" -> involve(childRef, partnership, text(data, "agency"));
            case "assessment.completed" -> data.path("contributingAgencies")
                    .forEach(agency -> involve(childRef, partnership, agency.asText()));
            case "escalation.raised" -> {
                involve(childRef, partnership, text(data, "raisedByAgency"));
                involve(childRef, partnership, text(data, "otherAgency"));
            }
            case "child.transferred" -> involve(childRef, text(data, "toPartnership"), "CHILDRENS_SERVICES");
            case "child.merged" -> merge(text(data, "mergedChildRef"), childRef);
            default -> {
            }
        }
    }

    private void entry(String childRef, String partnership, String agency, String entryId) {
        if (childRef == null || partnership == null || agency == null || entryId == null || rectified(entryId)) {
            return;
        }
        em.createNativeQuery("insert into child_involvement_entry (entry_id, child_ref, partnership, agency)"
                + " values (cast(:id as uuid), :child, :p, :agency) on conflict do nothing").setParameter("id", entryId)
                .setParameter("child", childRef).setParameter("p", partnership).setParameter("agency", agency).executeUpdate();
        byEntry(childRef, partnership, agency, entryId);
    }

    /** Involved through a chronology entry: marked so, unless the agency was involved otherwise already. */
    private void byEntry(String childRef, String partnership, String agency, String entryId) {
        if (childRef == null || partnership == null || agency == null || (entryId != null && rectified(entryId))) {
            return;
        }
        em.createNativeQuery("insert into child_involvement (child_ref, partnership, agency, by_chronology_only)"
                + " values (:child, :p, :agency, true) on conflict do nothing").setParameter("child", childRef)
                .setParameter("p", partnership).setParameter("agency", agency).executeUpdate();
    }

    /** The entry no longer involves its agency; nor does the agency stay involved if that was its last entry and only basis. */
    private void rectified(String childRef, String partnership, String agency, String entryId) {
        em.createNativeQuery("insert into rectified_entry (entry_id, child_ref) values (cast(:id as uuid), :child)"
                + " on conflict do nothing").setParameter("id", entryId).setParameter("child", childRef).executeUpdate();
        em.createNativeQuery("delete from child_involvement_entry where entry_id = cast(:id as uuid)")
                .setParameter("id", entryId).executeUpdate();
        em.createNativeQuery("delete from child_involvement i where child_ref = :child and partnership = :p and agency = :agency"
                + " and by_chronology_only and not exists (select 1 from child_involvement_entry e where e.child_ref = i.child_ref"
                + " and e.partnership = i.partnership and e.agency = i.agency)").setParameter("child", childRef)
                .setParameter("p", partnership).setParameter("agency", agency).executeUpdate();
    }

    private boolean rectified(String entryId) {
        return !em.createNativeQuery("select 1 from rectified_entry where entry_id = cast(:id as uuid)")
                .setParameter("id", entryId).getResultList().isEmpty();
    }

    /** The agencies involved with a duplicate record are involved with the child's surviving one. */
    private void merge(String mergedRef, String survivingRef) {
        em.createNativeQuery("update child_involvement_entry set child_ref = :surviving where child_ref = :merged")
                .setParameter("surviving", survivingRef).setParameter("merged", mergedRef).executeUpdate();
        em.createNativeQuery("insert into child_involvement (child_ref, partnership, agency, since, by_chronology_only)"
                + " select :surviving, partnership, agency, since, by_chronology_only from child_involvement where child_ref = :merged"
                + " on conflict do nothing").setParameter("surviving", survivingRef).setParameter("merged", mergedRef)
                .executeUpdate();
        em.createNativeQuery("delete from child_involvement where child_ref = :merged").setParameter("merged", mergedRef)
                .executeUpdate();
        em.createNativeQuery("update escalation_deadline set child_ref = :surviving where child_ref = :merged")
                .setParameter("surviving", survivingRef).setParameter("merged", mergedRef).executeUpdate();
    }

    private void involve(String childRef, String partnership, String agency) {
        if (childRef == null || partnership == null || agency == null) {
            return;
        }
        // involved on another basis than entries: a rectification no longer takes the involvement back
        em.createNativeQuery("insert into child_involvement (child_ref, partnership, agency) values (:child, :p, :agency)"
                + " on conflict (child_ref, partnership, agency) do update set by_chronology_only = false")
                .setParameter("child", childRef).setParameter("p", partnership)
                .setParameter("agency", agency).executeUpdate();
    }
}
