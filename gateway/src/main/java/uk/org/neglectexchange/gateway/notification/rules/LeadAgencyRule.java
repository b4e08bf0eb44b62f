package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.notification.Fields;
import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * CP-IS: the lead agency of a child is told at once when another agency reads its record, chronology, assessment,
 * household or level history: which agency and client, what, when and the purpose recorded; never the practitioner.
 */
@ApplicationScoped
public class LeadAgencyRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        if (!event.type().equals(NotificationType.RECORD_ACCESSED.wireName())) {
            return List.of();
        }
        JsonNode data = event.data();
        String lead = text(data, "leadAgency");
        if (lead.equals(text(data, "accessingAgency"))) {
            return List.of();
        }
        String partnership = text(data, "partnership");
        return List.of(Notice.of(event.id(), NotificationType.RECORD_ACCESSED, text(data, "childRef"), partnership,
                List.of(Recipient.agency(partnership, lead)), "LEAD_AGENCY", Fields.pick(data, "childRef", "partnership",
                        "leadAgency", "accessingAgency", "accessingClient", "resource", "purpose", "accessedAt")));
    }
}
