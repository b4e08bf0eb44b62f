package uk.org.neglectexchange.gateway.notification.subscription;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A request for a subscription: the receiver's {@code url} and the notification {@code types} wanted. Read from the
 * JSON by hand so that every refusal names its field: an unknown field, a {@code secret} (the exchange makes it),
 * a missing or malformed URL, an unknown or repeated type. Whether the URL may be called is {@code AddressPolicy}'s.
 */
public record NewSubscription(String url, List<String> types) {

    static final Set<String> FIELDS = Set.of("url", "types");
    static final int MAX_TYPES = NotificationType.values().length;

    static NewSubscription from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object with url and types");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("secret")) {
                errors.add(new FieldError("secret", "is made by the exchange and shown once in the answer; it cannot be sent"));
            } else if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a subscription (url, types)"));
            }
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            errors.add(new FieldError("url", "is required: the https URL the exchange posts notifications to"));
        }
        List<String> types = types(body.get("types"), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return new NewSubscription(url.asText(), types);
    }

    private static List<String> types(JsonNode types, List<FieldError> errors) {
        if (types == null || !types.isArray() || types.isEmpty() || types.size() > MAX_TYPES) {
            errors.add(new FieldError("types", "is required: a list of notification types, e.g. [\"chronology.entry-added\"]"));
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            JsonNode type = types.get(i);
            String field = "types[" + i + "]";
            if (!type.isTextual() || NotificationType.ofWireName(type.asText()).isEmpty()
                    || type.asText().equals(NotificationType.WEBHOOK_TEST.wireName())) {
                errors.add(new FieldError(field, "is not a notification type one can subscribe to"));
            } else if (!wanted.add(type.asText())) {
                errors.add(new FieldError(field, "is listed twice"));
            }
        }
        return List.copyOf(wanted);
    }
}
