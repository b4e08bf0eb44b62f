package uk.org.neglectexchange.gateway.apidocs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Folds the services' OpenAPI documents (and the gateway's own) into one that describes the API as a client sees it through the gateway.
 * Each service owns distinct paths, and each webhook (OpenAPI 3.1 {@code webhooks}: the gateway's notifications) is
 * described by one document. A component name that two services define differently (each has its own
 * {@code Page}) is prefixed with each defining service's name ({@code AssessmentPage}, {@code EscalationPage}) and the
 * $refs of that service's document are rewritten to match; a name defined identically everywhere is kept as it is.
 */
final class OpenApiMerger {

    static final String SECURITY_SCHEME = "oauth2";
    static final String UNAVAILABLE_EXTENSION = "x-unavailable-services";

    private OpenApiMerger() {
    }

    /**
     * @param documents available documents keyed by service name, in a stable order
     * @param unavailable services whose document could not be fetched
     */
    static JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable, String openIdConnectUrl) {
        JsonObject paths = new JsonObject();
        JsonObject webhooks = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new HashSet<>();
        String version = "3.1.0";
        Map<String, Map<String, String>> renames = collisions(documents);
        for (Map.Entry<String, JsonObject> service : documents.entrySet()) {
            JsonObject document = renamed(service.getValue(), renames.getOrDefault(service.getKey(), Map.of()));
            version = document.getString("openapi", version);
            putAbsent(paths, document.getJsonObject("paths", new JsonObject()));
            putAbsent(webhooks, document.getJsonObject("webhooks", new JsonObject()));
            JsonObject serviceComponents = document.getJsonObject("components", new JsonObject());
            for (String section : serviceComponents.fieldNames()) {
                if (!components.containsKey(section)) {
                    components.put(section, new JsonObject());
                }
                putAbsent(components.getJsonObject(section), serviceComponents.getJsonObject(section));
            }
            document.getJsonArray("tags", new JsonArray()).stream().map(JsonObject.class::cast)
                    .filter(tag -> tagNames.add(tag.getString("name")))
                    .forEach(tags::add);
        }
        // One scheme for the whole API: the services' own definitions name the same realm.
        components.put("securitySchemes", new JsonObject().put(SECURITY_SCHEME,
                new JsonObject().put("type", "openIdConnect").put("openIdConnectUrl", openIdConnectUrl)));

        JsonObject combined = new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject().put("title", "Neglect Exchange API").put("version", "1"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")));
        if (!tags.isEmpty()) {
            combined.put("tags", tags);
        }
        combined.put("paths", paths);
        if (!webhooks.isEmpty()) {
            combined.put("webhooks", webhooks);
        }
        combined.put("components", components);
        if (!unavailable.isEmpty()) {
            combined.put(UNAVAILABLE_EXTENSION, new JsonArray(List.copyOf(unavailable)));
        }
        return combined;
    }

    /**
     * For each service, the components to rename: "#/components/schemas/Page" → "#/components/schemas/AssessmentPage"
     * for every name another service defines differently. Security schemes are replaced by one of ours anyway.
     */
    private static Map<String, Map<String, String>> collisions(Map<String, JsonObject> documents) {
        Map<String, Map<String, JsonObject>> definitions = new HashMap<>();
        documents.forEach((service, document) -> {
            JsonObject components = document.getJsonObject("components", new JsonObject());
            for (String section : components.fieldNames()) {
                if (section.equals("securitySchemes")) {
                    continue;
                }
                components.getJsonObject(section).forEach(entry -> definitions
                        .computeIfAbsent("#/components/" + section + "/" + entry.getKey(), k -> new LinkedHashMap<>())
                        .put(service, (JsonObject) entry.getValue()));
            }
        });
        Map<String, Map<String, String>> renames = new HashMap<>();
        definitions.forEach((ref, byService) -> {
            if (new HashSet<>(byService.values()).size() > 1) {
                int cut = ref.lastIndexOf('/') + 1;
                byService.keySet().forEach(service -> renames.computeIfAbsent(service, s -> new HashMap<>())
                        .put(ref, ref.substring(0, cut) + capitalised(service) + ref.substring(cut)));
            }
        });
        return renames;
    }

    /** A copy of the document with the components renamed and every $ref to them rewritten. */
    private static JsonObject renamed(JsonObject document, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return document;
        }
        JsonObject copy = (JsonObject) rewriteRefs(document.copy(), renames);
        JsonObject components = copy.getJsonObject("components");
        renames.forEach((from, to) -> {
            String[] old = from.split("/");
            JsonObject section = components.getJsonObject(old[2]);
            section.put(to.substring(to.lastIndexOf('/') + 1), section.remove(old[3]));
        });
        return copy;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            for (String key : Set.copyOf(object.fieldNames())) {
                Object value = object.getValue(key);
                object.put(key, key.equals("$ref") && value instanceof String ref ? renames.getOrDefault(ref, ref)
                        : rewriteRefs(value, renames));
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.getValue(i), renames));
            }
        }
        return node;
    }

    private static String capitalised(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }

    private static void putAbsent(JsonObject target, JsonObject source) {
        source.forEach(entry -> {
            if (!target.containsKey(entry.getKey())) {
                target.put(entry.getKey(), entry.getValue());
            }
        });
    }
}
