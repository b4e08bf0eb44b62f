package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.gateway.notification.Fields;
import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * A transfer out tells the agencies involved with the child in the partnership it leaves (except the agency that
 * transferred it); a transfer in tells children's services of the partnership it joins, which holds the record there.
 */
@ApplicationScoped
public class TransferRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        if (!event.type().equals(NotificationType.CHILD_TRANSFERRED.wireName())) {
            return List.of();
        }
        JsonNode data = event.data();
        String childRef = text(data, "childRef");
        String from = text(data, "fromPartnership");
        String to = text(data, "toPartnership");
        ObjectNode fields = Fields.pick(data, "childRef", "fromPartnership", "toPartnership", "transferredOn",
                "transferredAt", "reason", "byAgency");
        List<Recipient> leaving = involvement.agencies(childRef, from).stream()
                .filter(agency -> !agency.equals(text(data, "byAgency")))
                .map(agency -> Recipient.agency(from, agency)).toList();
        Notice in = Notice.of(event.id(), NotificationType.CHILD_TRANSFERRED, childRef, to,
                List.of(Recipient.agency(to, "CHILDRENS_SERVICES")), "TRANSFERRED_IN", fields);
        return leaving.isEmpty() ? List.of(in)
                : List.of(Notice.of(event.id(), NotificationType.CHILD_TRANSFERRED, childRef, from, leaving,
                        "TRANSFERRED_OUT", fields), in);
    }
}
