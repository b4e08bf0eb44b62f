package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.util.ArrayList;
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
 * The agencies involved with a child (registered it, wrote to its chronology, opened or contributed to an
 * assessment, party to an escalation about it) are told of another agency's new chronology entry (type, date and
 * agency, never the summary or a police incident's kind), an assessment opened (so they contribute to it rather
 * than start their own) or completed, a level change, and a drift alert raised or cleared for the child. The agency
 * that acted is not told of its own act.
 */
@ApplicationScoped
public class InvolvedAgenciesRule implements NotificationRule {

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        JsonNode data = event.data();
        return switch (event.type()) {
            case "chronology.entry-added" -> told(event, involvement, NotificationType.CHRONOLOGY_ENTRY_ADDED,
                    Fields.pick(data, "entryId", "childRef", "partnership", "agency", "type", "occurredOn", "recordedAt",
                            "supersedes"));
            case "assessment.started" -> told(event, involvement, NotificationType.ASSESSMENT_STARTED,
                    Fields.pick(data, "assessmentId", "seriesId", "childRef", "partnership", "agency", "toolkitFamily",
                            "toolkitVersion", "startedOn", "amends"));
            case "assessment.completed" -> told(event, involvement, NotificationType.ASSESSMENT_COMPLETED,
                    Fields.pick(data, "assessmentId", "seriesId", "childRef", "partnership", "completedOn",
                            "thresholdLevel", "contributingAgencies"));
            case "threshold.changed" -> told(event, involvement, NotificationType.LEVEL_CHANGED,
                    Fields.pick(data, "childRef", "partnership", "fromLevel", "toLevel", "changedOn", "assessmentId"));
            case "drift.detected" -> data.hasNonNull("childRef") ? told(event, involvement,
                    NotificationType.DRIFT_DETECTED, Fields.pick(data, "alertId", "rule", "childRef", "partnership",
                            "severity", "detectedOn")) : List.of();
            case "drift.cleared" -> data.hasNonNull("childRef") ? told(event, involvement,
                    NotificationType.DRIFT_CLEARED, Fields.pick(data, "alertId", "rule", "childRef", "partnership",
                            "severity", "detectedOn", "clearedOn")) : List.of();
            default -> List.of();
        };
    }

    private static List<Notice> told(ReceivedEvent event, Involvement involvement, NotificationType type,
            ObjectNode fields) {
        String childRef = text(event.data(), "childRef");
        String partnership = text(event.data(), "partnership");
        String actor = text(event.data(), "agency");
        List<Recipient> recipients = new ArrayList<>();
        for (String agency : involvement.agencies(childRef, partnership)) {
            if (!agency.equals(actor)) {
                recipients.add(Recipient.agency(partnership, agency));
            }
        }
        return recipients.isEmpty() ? List.of()
                : List.of(Notice.of(event.id(), type, childRef, partnership, recipients, "INVOLVED_AGENCY", fields));
    }
}
