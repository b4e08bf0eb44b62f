package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

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

    static ValidatableResponse act(String client, String id, Map<String, Object> body) {
        return given().header("Authorization", bearer(client)).header("X-Practitioner-Id", "p-2002")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/escalations/{id}/actions", id).then();
    }

    static ValidatableResponse get(String client, String id) {
        return given().header("Authorization", bearer(client)).when().get("/api/v1/escalations/{id}", id).then();
    }
}
