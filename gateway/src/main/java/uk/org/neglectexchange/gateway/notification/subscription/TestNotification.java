package uk.org.neglectexchange.gateway.notification.subscription;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.gateway.notification.Notifier;

/** The ping {@code POST /subscriptions/{id}/test} sends: a CloudEvent of type webhook.test naming the subscription. */
final class TestNotification {

    private TestNotification() {
    }

    static String body(ObjectMapper json, UUID subscriptionId) {
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", Notifier.SOURCE)
                .put("type", "webhook.test")
                .put("subject", subscriptionId.toString())
                .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("datacontenttype", "application/json");
        envelope.putObject("data").put("subscriptionId", subscriptionId.toString());
        return envelope.toString();
    }
}
