package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.ArrayList;
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
 * A new toolkit edition tells every agency and the business team of each partnership using the family; its annual
 * review falling due or overdue tells those business teams, who own the review.
 */
@ApplicationScoped
public class ToolkitRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        NotificationType type = switch (event.type()) {
            case "toolkit.edition.published" -> NotificationType.TOOLKIT_EDITION_PUBLISHED;
            case "toolkit.review.due" -> NotificationType.TOOLKIT_REVIEW_DUE;
            case "toolkit.review.overdue" -> NotificationType.TOOLKIT_REVIEW_OVERDUE;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        JsonNode data = event.data();
        List<Notice> notices = new ArrayList<>();
        for (JsonNode partnershipNode : data.path("partnerships")) {
            String partnership = partnershipNode.asText();
            List<Recipient> recipients = new ArrayList<>();
            if (type == NotificationType.TOOLKIT_EDITION_PUBLISHED) {
                recipients.addAll(Recipient.everyAgencyOf(partnership));
            }
            recipients.add(new Recipient(partnership, Recipient.BUSINESS_TEAM));
            notices.add(Notice.of(event.id(), type, text(data, "family"), partnership, recipients, "TOOLKIT",
                    Fields.pick(data, "family", "version", "partnerships", "publishedAt", "reviewDueOn", "daysUntilDue")));
        }
        return notices;
    }
}
