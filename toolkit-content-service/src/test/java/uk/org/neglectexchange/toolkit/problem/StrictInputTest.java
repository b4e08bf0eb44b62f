package uk.org.neglectexchange.toolkit.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.toolkit.support.KeycloakTokens.bearer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input the gateway's generated bad requests (BadInputTest) found accepted or answered with a 500: each is now a
 * 4xx problem that names the field and repeats no value sent, or (an empty Accept) an ordinary answer.
 */
@QuarkusTest
class StrictInputTest {

    private static final String EDITOR = "hiow-toolkit-editor";
    private static final String PRACTITIONER = "hscp-childrens-services";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = "{\"howeCategoriesFamiliarity\":4,\"confidenceIdentifyingNeglect\":3,"
            + "\"approachesApplied\":[\"HEAR_THE_CHILD\"],\"toolsUseful\":5,\"improvementSuggestion\":\"More examples\"}";

    @Test
    void aFractionIsNotCutToAnIntegerNorANumberTurnedIntoText() {
        answer(SURVEY.replace(":4,", ":4.5,"), "application/json").statusCode(400)
                .body("errors[0].field", equalTo("howeCategoriesFamiliarity"));
        answer(SURVEY.replace("\"More examples\"", "123"), "application/json").statusCode(400)
                .body("errors[0].field", equalTo("improvementSuggestion"));
        answer(SURVEY + "]", "application/json").statusCode(400);
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsUnsupported() {
        given().header("Authorization", bearer(PRACTITIONER)).body(SURVEY.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/toolkits/HIOW/editions/1.0.0/survey-responses")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        answer(SURVEY, "application/json; charset=x-no-such-charset").statusCode(415);
    }

    @Test
    void contentWithANulInANameOrATimeInADateIsRefusedNamingTheField() throws Exception {
        JsonNode content = JSON.readTree(given().header("Authorization", bearer(EDITOR))
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0").then().statusCode(200)
                .extract().asByteArray()).path("content");
        // a NUL in a name was a 500: PostgreSQL cannot store it
        ObjectNode named = (ObjectNode) content.findParent("name");
        String name = named.path("name").asText();
        named.put("name", name + "\u0000");
        replaceContent(content).statusCode(400).body("errors[0].field", endsWith("name"));
        named.put("name", name);
        // "2026-01-01T00:00:00Z" was read as 2026-01-01
        ObjectNode dated = (ObjectNode) content.findParent("dueOn");
        dated.put("dueOn", "2026-01-01T00:00:00Z");
        replaceContent(content).statusCode(400).body("errors[0].field", endsWith("dueOn"));
        // and +999999999-12-31 was stored
        dated.put("dueOn", "+999999999-12-31");
        replaceContent(content).statusCode(400).body("errors[0].field", endsWith("dueOn"));
    }

    @Test
    void anEmptyAcceptOnAChartIsAnyRepresentation() {
        given().header("Authorization", bearer(PRACTITIONER)).header("Accept", "")
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/charts/thresholds")
                .then().statusCode(200).contentType(startsWith("application/json"));
        given().header("Authorization", bearer(PRACTITIONER)).header("Accept", "application")
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/charts/thresholds")
                .then().statusCode(406).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aProblemNamesThePathTemplateAndNoValueSent() {
        given().header("Authorization", bearer(PRACTITIONER))
                .when().get("/api/v1/toolkits/{family}/editions/1.0.0/thresholds", "9434765919")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("instance", equalTo("/api/v1/toolkits/{family}/editions/{version}/thresholds"))
                .body(not(containsString("9434765919")));
    }

    private static ValidatableResponse answer(String body, String contentType) {
        return given().header("Authorization", bearer(PRACTITIONER)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/toolkits/HIOW/editions/1.0.0/survey-responses")
                .then().contentType(startsWith("application/problem+json"));
    }

    private static ValidatableResponse replaceContent(JsonNode content) throws Exception {
        return given().header("Authorization", bearer(EDITOR)).contentType("application/json")
                .body(JSON.writeValueAsBytes(content))
                .when().put("/api/v1/toolkits/HIOW/editions/1.0.0/content")
                .then().contentType(startsWith("application/problem+json"));
    }
}
