package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Requests as an agency system sends them: its client's token and the acting practitioner's id. */
final class EscalationRequests {

    private EscalationRequests() {
    }

    static String newChildRef() {
        return "c-" + UUID.randomUUID();
    }

    static ValidatableResponse raise(String client, Map<String, Object> body) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "p-1001")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/escalations").then();
    }

    static String raised(String client, Map<String, Object> body) {
        return raise(client, body).statusCode(201).extract().path("id");
    }

    static Map<String, Object> disagreement(String childRef, String otherAgency) {
        return Map.of("childRef", childRef, "otherAgency", otherAgency,
                "disagreement", "Health closed the referral without a home visit", "currentRisk", "HIGH");
    }

    /** An action on the stage the sender last saw ({@code expectedStage}). */
    static ValidatableResponse act(String client, String id, int expectedStage, Map<String, Object> body) {
        Map<String, Object> onStage = new HashMap<>(body);
        onStage.put("expectedStage", expectedStage);
        return actions(client).body(onStage).when().post("/api/v1/escalations/{id}/actions", id).then();
    }

    /** An action request as an agency system starts it: token, practitioner, JSON; add headers and the body. */
    static RequestSpecification actions(String client) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "p-2002")
                .contentType(ContentType.JSON);
    }

    static ValidatableResponse get(String client, String id) {
        return given().header("Authorization", bearer(client)).when().get("/api/v1/escalations/{id}", id).then();
    }
}
