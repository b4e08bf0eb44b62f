package uk.org.neglectexchange.gateway.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * Two services with a component of the same name: the combined document must keep both definitions, each where its
 * own service's operations point (a pure function, so no Quarkus here).
 */
class OpenApiMergerTest {

    @Test
    void componentsTwoServicesDefineDifferentlyAreBothKeptUnderTheServicesNames() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("assessment", service("/api/v1/children", "Page", "childRef", "Change"));
        documents.put("escalation", service("/api/v1/escalations", "Page", "escalationId", "Change"));

        JsonObject combined = OpenApiMerger.merge(documents, List.of(), "http://keycloak/realm");

        JsonObject schemas = combined.getJsonObject("components").getJsonObject("schemas");
        assertFalse(schemas.containsKey("Page"), schemas.encodePrettily());
        assertEquals("childRef", schemas.getJsonObject("AssessmentPage").getJsonObject("properties").getJsonObject("items")
                .getJsonObject("items").getString("description"));
        assertEquals("escalationId", schemas.getJsonObject("EscalationPage").getJsonObject("properties")
                .getJsonObject("items").getJsonObject("items").getString("description"));
        assertEquals("#/components/schemas/AssessmentPage", ref(combined, "/api/v1/children"));
        assertEquals("#/components/schemas/EscalationPage", ref(combined, "/api/v1/escalations"));
        // a reference inside a renamed component follows too, and an identical component is kept once by its name
        assertEquals("#/components/schemas/Change", schemas.getJsonObject("AssessmentPage").getJsonObject("properties")
                .getJsonObject("last").getString("$ref"));
        assertEquals(3, schemas.size(), schemas.fieldNames().toString());
    }

    @Test
    void webhooksAreCarriedOverWithTheirReferencesFollowingRenamedComponents() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        JsonObject gateway = service("/api/v1/notifications", "Page", "notification", "Change");
        gateway.put("webhooks", new JsonObject().put("notification", new JsonObject().put("post", new JsonObject()
                .put("requestBody", new JsonObject().put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Page"))))))));
        documents.put("gateway", gateway);
        documents.put("escalation", service("/api/v1/escalations", "Page", "escalationId", "Change"));

        JsonObject combined = OpenApiMerger.merge(documents, List.of(), "http://keycloak/realm");

        assertEquals("3.1.0", combined.getString("openapi"), "webhooks need OpenAPI 3.1");
        assertEquals("#/components/schemas/GatewayPage", combined.getJsonObject("webhooks").getJsonObject("notification")
                .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/EscalationPage", ref(combined, "/api/v1/escalations"));
    }

    @Test
    void noWebhooksMemberWhenNoDocumentHasWebhooks() {
        JsonObject combined = OpenApiMerger.merge(Map.of("assessment", service("/api/v1/children", "Page", "childRef",
                "Change")), List.of(), "http://keycloak/realm");
        assertFalse(combined.containsKey("webhooks"), combined.encodePrettily());
    }

    private static String ref(JsonObject combined, String path) {
        return combined.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref");
    }

    private static JsonObject service(String path, String page, String itemDescription, String shared) {
        JsonObject pageSchema = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("items", new JsonObject().put("type", "array")
                        .put("items", new JsonObject().put("type", "string").put("description", itemDescription)))
                .put("last", new JsonObject().put("$ref", "#/components/schemas/" + shared)));
        return new JsonObject().put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content", new JsonObject()
                                .put("application/json", new JsonObject().put("schema", new JsonObject()
                                        .put("$ref", "#/components/schemas/" + page)))))))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put(page, pageSchema)
                        .put(shared, new JsonObject().put("type", "string"))));
    }
}
