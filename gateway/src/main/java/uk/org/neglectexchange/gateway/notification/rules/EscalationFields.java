package uk.org.neglectexchange.gateway.notification.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.gateway.notification.Fields;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/** What every escalation notification carries: the escalation's ids, parties, stage and deadline, codes only. */
final class EscalationFields {

    private EscalationFields() {
    }

    static ObjectNode of(ReceivedEvent event) {
        return Fields.pick(event.data(), "escalationId", "childRef", "partnership", "raisedByAgency", "otherAgency",
                "type", "currentRisk", "procedureCode", "stage", "fromStage", "toStage", "cause", "stageStartedOn",
                "deadline", "deadlineShortened", "breachedOn", "escalatedToStage", "resolvedOn", "resolvedByAgency",
                "raisedAt");
    }
}
