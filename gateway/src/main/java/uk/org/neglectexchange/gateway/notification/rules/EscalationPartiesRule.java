package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * The agency named in an escalation is told when it is raised; both parties at each stage change (escalated, or
 * auto-escalated when a deadline passed), at a breach and at the resolution. The reminder one working day before a
 * deadline is {@link DeadlineReminderRule}'s.
 */
@ApplicationScoped
public class EscalationPartiesRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        return switch (event.type()) {
            case "escalation.raised" -> List.of(notice(event, NotificationType.ESCALATION_RAISED, "NAMED_AGENCY",
                    text(event.data(), "otherAgency")));
            case "escalation.stage-changed" -> bothParties(event, NotificationType.ESCALATION_STAGE_CHANGED);
            case "escalation.deadline-breached" -> bothParties(event, NotificationType.ESCALATION_DEADLINE_BREACHED);
            case "escalation.resolved" -> bothParties(event, NotificationType.ESCALATION_RESOLVED);
            default -> List.of();
        };
    }

    private static List<Notice> bothParties(ReceivedEvent event, NotificationType type) {
        return List.of(notice(event, type, "ESCALATION_PARTY", text(event.data(), "raisedByAgency"),
                text(event.data(), "otherAgency")));
    }

    private static Notice notice(ReceivedEvent event, NotificationType type, String reason, String... agencies) {
        JsonNode data = event.data();
        String partnership = text(data, "partnership");
        return Notice.of(event.id(), type, text(data, "escalationId"), partnership,
                Arrays.stream(agencies).distinct().map(agency -> Recipient.agency(partnership, agency)).toList(),
                reason, EscalationFields.of(event));
    }
}
