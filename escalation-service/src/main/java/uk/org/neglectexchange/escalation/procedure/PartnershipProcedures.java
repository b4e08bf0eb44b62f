package uk.org.neglectexchange.escalation.procedure;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Takes each partnership's settings from published editions. Only a newer publication replaces what is held, so
 * replaying toolkit-events from the beginning ends in the same state.
 */
@ApplicationScoped
public class PartnershipProcedures {

    static final String CONSUMER = "partnership-procedures";
    static final String REVIEW_OVERDUE = "toolkit.review.overdue";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ToolkitChanged> changed;

    @Transactional
    public void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        if (REVIEW_OVERDUE.equals(event.type())) {
            // the edition held already knows its publication date: the notice only says "look now"
            changed.fire(new ToolkitChanged());
            return;
        }
        if (!EditionPublished.TYPE.equals(event.type())) {
            return;
        }
        EditionPublished published;
        try {
            published = json.treeToValue(event.data(), EditionPublished.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent(event.type() + " data does not map to partnership settings");
        }
        for (Map.Entry<String, EditionPublished.Settings> entry : published.partnershipSettings().entrySet()) {
            PartnershipProcedure held = PartnershipProcedure.findById(entry.getKey());
            if (held != null && !held.publishedAt.isBefore(published.publishedAt())) {
                continue;
            }
            PartnershipProcedure procedure = held != null ? held : new PartnershipProcedure();
            EditionPublished.Escalation escalation = entry.getValue().escalation();
            procedure.partnership = entry.getKey();
            procedure.toolkitFamily = published.family();
            procedure.toolkitVersion = published.version();
            procedure.publishedAt = published.publishedAt();
            procedure.procedureCode = escalation.code();
            procedure.procedureName = escalation.name();
            procedure.stageDeadlineWorkingDays = escalation.stageDeadlineWorkingDays();
            procedure.businessTeamNotifiedFromStage = escalation.businessTeamNotifiedFromStage();
            procedure.driftRules = entry.getValue().drift();
            procedure.practiceApproaches = published.alertApproaches();
            procedure.sourceEventId = event.id();
            procedure.persist();
        }
        changed.fire(new ToolkitChanged());
    }
}
