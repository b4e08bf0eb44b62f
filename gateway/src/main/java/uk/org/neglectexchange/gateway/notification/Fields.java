package uk.org.neglectexchange.gateway.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Picks the fields a notification carries from an event's data: named ones only, so nothing else slips through. */
public final class Fields {

    private Fields() {
    }

    public static ObjectNode pick(JsonNode data, String... names) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            JsonNode value = data.get(name);
            if (value != null && !value.isNull()) {
                fields.set(name, value.deepCopy());
            }
        }
        return fields;
    }

    public static String text(JsonNode data, String name) {
        JsonNode value = data.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
