package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Stage 4 is the partnership's escalation panel: it is told when an escalation reaches stage 4 (raised there, or
 * escalated to it) and when one at stage 4 is resolved or breaches its deadline.
 */
@ApplicationScoped
public class EscalationPanelRule implements NotificationRule {

    static final int PANEL_STAGE = 4;

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        JsonNode data = event.data();
        NotificationType type = switch (event.type()) {
            case "escalation.raised" -> data.path("stage").asInt() == PANEL_STAGE ? NotificationType.ESCALATION_RAISED : null;
            case "escalation.stage-changed" -> data.path("toStage").asInt() == PANEL_STAGE
                    ? NotificationType.ESCALATION_STAGE_CHANGED : null;
            case "escalation.deadline-breached" -> data.path("stage").asInt() == PANEL_STAGE
                    ? NotificationType.ESCALATION_DEADLINE_BREACHED : null;
            case "escalation.resolved" -> data.path("stage").asInt() == PANEL_STAGE ? NotificationType.ESCALATION_RESOLVED : null;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        String partnership = text(data, "partnership");
        return List.of(Notice.of(event.id(), type, text(data, "escalationId"), partnership,
                List.of(new Recipient(partnership, Recipient.ESCALATION_PANEL)), "ESCALATION_PANEL",
                EscalationFields.of(event)));
    }
}
