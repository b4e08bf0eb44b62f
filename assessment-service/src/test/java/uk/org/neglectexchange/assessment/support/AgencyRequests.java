package uk.org.neglectexchange.assessment.support;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as an agency's system sends them: a practitioner, and the basis of every share it makes. */
public final class AgencyRequests {

    private AgencyRequests() {
    }

    /** As {@code clientId}, stating why and on what basis it reads (needed of any agency but the lead agency). */
    public static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-" + clientId)
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    /** A contribution of these observations with a concern, shared with consent. */
    public static Map<String, Object> contribution(List<Map<String, Object>> observations) {
        return new HashMap<>(Map.of("observations", observations, "concerns", List.of("Food cupboard empty at two visits"),
                "purpose", "Multi-agency neglect assessment", "lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN",
                "consent", "GIVEN"));
    }

    /** A completion at {@code level}, the child's voice absent for {@code childsVoiceAbsentReason}. */
    public static Map<String, Object> completion(int level, String childsVoiceAbsentReason) {
        return new HashMap<>(Map.of("primaryCategory", "DISORGANISED", "thresholdLevel", level,
                "rationale", "Needs met inconsistently", "strengths", List.of("Grandmother involved"),
                "childsVoiceAbsentReason", childsVoiceAbsentReason));
    }
}
