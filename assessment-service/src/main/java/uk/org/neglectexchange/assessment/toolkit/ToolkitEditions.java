package uk.org.neglectexchange.assessment.toolkit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.inbox.Inbox;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/** Keeps the local copy of published editions; each event is applied once, whatever Kafka redelivers. */
@ApplicationScoped
public class ToolkitEditions {

    static final String CONSUMER = "toolkit-editions";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Transactional
    public void apply(ReceivedEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER) || !EditionPublished.TYPE.equals(event.type())) {
            return;
        }
        EditionPublished published;
        try {
            published = json.treeToValue(event.data(), EditionPublished.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent(event.type() + " data does not map to an edition");
        }
        if (ToolkitEdition.findByIdOptional(new ToolkitEdition.Key(published.family(), published.version())).isPresent()) {
            return;
        }
        ToolkitEdition edition = new ToolkitEdition();
        edition.family = published.family();
        edition.version = published.version();
        edition.publishedAt = published.publishedAt();
        edition.reviewDueOn = published.reviewDueOn();
        edition.thresholdLevels = published.thresholdLevels();
        edition.neglectCategories = published.neglectCategories();
        edition.indicators = published.indicators();
        edition.practiceApproaches = published.practiceApproaches();
        edition.partnershipSettings = published.partnershipSettings();
        edition.sourceEventId = event.id();
        edition.persist();
    }
}
