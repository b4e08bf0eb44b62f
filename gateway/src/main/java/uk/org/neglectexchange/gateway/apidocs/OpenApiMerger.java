package uk.org.neglectexchange.gateway.apidocs;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Folds the services' OpenAPI documents (and the gateway's own) into one that describes the API as a client sees it through the gateway.
 * Each service owns distinct paths; a component name two services both define keeps the first service's definition.
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
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new HashSet<>();
        String version = "3.1.0";
        for (JsonObject document : documents.values()) {
            version = document.getString("openapi", version);
            putAbsent(paths, document.getJsonObject("paths", new JsonObject()));
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
        combined.put("paths", paths).put("components", components);
        if (!unavailable.isEmpty()) {
            combined.put(UNAVAILABLE_EXTENSION, new JsonArray(List.copyOf(unavailable)));
        }
        return combined;
    }

    private static void putAbsent(JsonObject target, JsonObject source) {
        source.forEach(entry -> {
            if (!target.containsKey(entry.getKey())) {
                target.put(entry.getKey(), entry.getValue());
            }
        });
    }
}
