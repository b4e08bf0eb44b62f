package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * The partnership's business team is told of an escalation from the stage its published toolkit edition configures
 * (WSSCP: stage 2), and of its resolution and who resolved it. The escalation service applies that setting and says
 * so in each event's {@code notifyBusinessTeam}, so the stage is read in one place. A review of the partnership's
 * toolkit falling due or overdue is {@link ToolkitRule}'s.
 */
@ApplicationScoped
public class BusinessTeamRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        if (!event.data().path("notifyBusinessTeam").asBoolean(false)) {
            return List.of();
        }
        NotificationType type = switch (event.type()) {
            case "escalation.raised" -> NotificationType.ESCALATION_RAISED;
            case "escalation.stage-changed" -> NotificationType.ESCALATION_STAGE_CHANGED;
            case "escalation.deadline-breached" -> NotificationType.ESCALATION_DEADLINE_BREACHED;
            case "escalation.resolved" -> NotificationType.ESCALATION_RESOLVED;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        String partnership = text(event.data(), "partnership");
        return List.of(Notice.of(event.id(), type, text(event.data(), "escalationId"), partnership,
                List.of(new Recipient(partnership, Recipient.BUSINESS_TEAM)), "BUSINESS_TEAM", EscalationFields.of(event)));
    }
}
