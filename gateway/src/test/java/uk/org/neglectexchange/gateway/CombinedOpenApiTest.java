package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.gateway.notification.NotificationType;

/**
 * /q/openapi answers without a token, and still answers when no service is running (as in the test profile); the
 * gateway's own resources are always in it.
 */
@QuarkusTest
class CombinedOpenApiTest {

    @Test
    void combinedDocumentIsServedWithoutTokenEvenWithServicesDown() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", notNullValue())
                .body("info.title", equalTo("Neglect Exchange API"))
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.oauth2.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oauth2.openIdConnectUrl",
                        equalTo("http://127.0.0.1:8180/realms/neglect-exchange/.well-known/openid-configuration"))
                .body("'x-unavailable-services'", containsInAnyOrder("assessment", "escalation", "toolkit"));
    }

    @Test
    void theGatewaysOwnResourcesAreInTheCombinedDocumentUnderTheSameScheme() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/dashboard'.get.summary", notNullValue())
                .body("paths.'/api/v1/dashboard/children-by-category'.get", notNullValue())
                .body("paths.'/api/v1/dashboard/level-changes'.get.parameters.name", hasItems("from", "to", "interval"))
                .body("paths.'/api/v1/dashboard/escalations'.get.security[0]", hasKey("oauth2"))
                .body("paths.'/api/v1/dashboard/escalations'.get.responses", hasKey("403"))
                // declared error responses must not crowd out the success response and its schema
                .body("paths.'/api/v1/dashboard'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/DashboardOverview"))
                .body("paths.'/api/v1/events/stream'.get.operationId", notNullValue())
                .body("components.schemas", hasKey("DashboardOverview"))
                .body("components.securitySchemes.keySet()", contains("oauth2"))
                .body("tags.name", hasItem("Dashboard"))
                .body("'x-unavailable-services'", not(hasItem("gateway")));
    }

    @Test
    void theNotificationWebhookIsListedWithItsHeadersAndEveryNotificationType() {
        String[] types = Arrays.stream(NotificationType.values()).map(NotificationType::wireName).toArray(String[]::new);
        given().when().get("/q/openapi")
                .then().statusCode(200)
                // webhooks are OpenAPI 3.1
                .body("openapi", startsWith("3.1."))
                .body("webhooks.notification.post.operationId", equalTo("notification"))
                .body("webhooks.notification.post.parameters.findAll { it.in == 'header' && it.required }.name",
                        containsInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature"))
                .body("webhooks.notification.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Notification"))
                .body("webhooks.notification.post.responses", hasKey("200"))
                .body("webhooks.notification.post.responses", hasKey("410"))
                .body("components.schemas.Notification.required", hasItems("specversion", "id", "source", "type", "data"))
                .body("components.schemas.Notification.properties.type.enum", containsInAnyOrder(types))
                // the feed's page holds the same notifications, and its stream is documented beside it
                .body("components.schemas.NotificationPage.properties.items.items.'$ref'",
                        equalTo("#/components/schemas/Notification"))
                .body("paths.'/api/v1/notifications'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/NotificationPage"))
                .body("paths.'/api/v1/notifications/stream'.get.operationId", notNullValue());
    }

    @Test
    void brokenTokenDoesNotBlockTheDocumentation() {
        given().header("Authorization", "Bearer abc").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void yamlOnRequest() {
        given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("title: \"Neglect Exchange API\""));
    }

    @Test
    void swaggerUiShowsTheCombinedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("'/q/openapi'"));
    }
}
