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
 * party to an escalation about it; after a transfer in, children's services of the new partnership.
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
            case "chronology.entry-added", "assessment.started", "referral.received", "referral.decided", "case.closed" ->
                involve(childRef, partnership, text(data, "agency"));
            case "assessment.completed" -> data.path("contributingAgencies")
                    .forEach(agency -> involve(childRef, partnership, agency.asText()));
            case "escalation.raised" -> {
                involve(childRef, partnership, text(data, "raisedByAgency"));
                involve(childRef, partnership, text(data, "otherAgency"));
            }
            case "child.transferred" -> involve(childRef, text(data, "toPartnership"), "CHILDRENS_SERVICES");
            default -> {
            }
        }
    }

    private void involve(String childRef, String partnership, String agency) {
        if (childRef == null || partnership == null || agency == null) {
            return;
        }
        em.createNativeQuery("insert into child_involvement (child_ref, partnership, agency) values (:child, :p, :agency)"
                + " on conflict do nothing").setParameter("child", childRef).setParameter("p", partnership)
                .setParameter("agency", agency).executeUpdate();
    }
}
