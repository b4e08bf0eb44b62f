package uk.org.neglectexchange.toolkit.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentResourceTest {

    private static final String READER = "wsscp-education";

    @Test
    void eachPartOfTheEditionIsReadableOnItsOwn() {
        given().header("Authorization", bearer(READER)).when().get("/api/v1/toolkits/WS/editions/current/thresholds")
                .then().statusCode(200).body("level", equalTo(java.util.List.of(1, 2, 3, 4)));
        given().header("Authorization", bearer(READER)).when().get("/api/v1/toolkits/WS/editions/current/categories")
                .then().statusCode(200).body("code", hasItem("DEPRESSED_PASSIVE")).body("$", hasSize(4));
        given().header("Authorization", bearer(READER)).when().get("/api/v1/toolkits/WS/editions/current/approaches")
                .then().statusCode(200).body("$", hasSize(11)).body("code", hasItem("CHALLENGE_DRIFT_AND_DELAY"));
        given().header("Authorization", bearer(READER)).when().get("/api/v1/toolkits/WS/editions/current/guidance/USING_THE_TOOLKIT")
                .then().statusCode(200).body("markdown", containsString("no total score"));
        given().header("Authorization", bearer(READER)).when().get("/api/v1/toolkits/WS/editions/current/action-plan")
                .then().statusCode(200)
                .body("code", hasItem("WS-A2"))
                .body("find { it.code == 'WS-A2' }.rag", equalTo("GREEN"))
                .body("find { it.code == 'WS-A2' }.dueOn", equalTo("2022-06-30"));
    }

    @Test
    void indicatorsAreFilteredByAgeBandAndArea() {
        given().header("Authorization", bearer(READER))
                .queryParam("ageBand", "PRE_BIRTH")
                .when().get("/api/v1/toolkits/WS/editions/current/indicators")
                .then().statusCode(200)
                .body("$", hasSize(4))
                .body("indicators.flatten().ageBand", everyItem(equalTo("PRE_BIRTH")))
                .body("indicators.flatten().code", hasItem("WS.PHYSICAL_CARE.ANTENATAL_CARE.PRE_BIRTH"));
        given().header("Authorization", bearer(READER))
                .queryParam("ageBand", "12_17").queryParam("area", "SAFETY")
                .when().get("/api/v1/toolkits/WS/editions/current/indicators")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].indicators.code", hasItem("WS.SAFETY.ONLINE.12_17"))
                .body("[0].indicators[0].grades.5", notNullValue());
    }

    @Test
    void anUnknownAgeBandIsABadRequestNamingIt() {
        given().header("Authorization", bearer(READER))
                .queryParam("ageBand", "TEENS")
                .when().get("/api/v1/toolkits/WS/editions/current/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ageBand"));
    }

    @Test
    void publishedContentCarriesAnETagAndAnswersConditionalRequestsWith304() {
        String etag = given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/1.0.0/thresholds")
                .then().statusCode(200)
                .header("Cache-Control", containsString("max-age=300"))
                .extract().header("ETag");
        given().header("Authorization", bearer(READER)).header("If-None-Match", etag)
                .when().get("/api/v1/toolkits/WS/editions/1.0.0/thresholds")
                .then().statusCode(304);
        given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/current")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .header("ETag", notNullValue());
    }

    @Test
    void theDiffNamesWhatADraftAddsChangesAndRemoves() {
        String base = EditionResourceTest.currentVersion("HIOW");
        String draft = EditionResourceTest.openDraft();
        var content = given().header("Authorization", bearer("hiow-toolkit-editor"))
                .when().get("/api/v1/toolkits/HIOW/editions/{v}", draft)
                .then().statusCode(200).extract().jsonPath().getMap("content");
        @SuppressWarnings("unchecked")
        var levels = (java.util.List<java.util.Map<String, Object>>) content.get("thresholdLevels");
        levels.get(1).put("name", "Early Help (renamed)");
        @SuppressWarnings("unchecked")
        var guidance = (java.util.List<java.util.Map<String, Object>>) content.get("guidance");
        guidance.remove(2);
        guidance.add(java.util.Map.of("code", "ADOLESCENTS", "title", "Neglect of adolescents", "markdown", "# Adolescents"));
        // the alert-approach mapping linked the removed guidance: a draft keeping it would not be published
        content.remove("alertApproaches");
        given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(io.restassured.http.ContentType.JSON)
                .body(content).when().put("/api/v1/toolkits/HIOW/editions/{v}/content", draft)
                .then().statusCode(200);

        given().header("Authorization", bearer("hiow-toolkit-editor")).queryParam("from", base)
                .when().get("/api/v1/toolkits/HIOW/editions/{v}/diff", draft)
                .then().statusCode(200)
                .body("from", equalTo(base)).body("to", equalTo(draft))
                .body("changed", hasSize(1))
                .body("changed[0].code", equalTo("HIOW-L2"))
                .body("changed[0].fields", equalTo(java.util.List.of("name")))
                .body("added.code", equalTo(java.util.List.of("ADOLESCENTS")))
                .body("removed.code", equalTo(java.util.List.of("ESCALATION")));

        given().header("Authorization", bearer("hiow-toolkit-editor"))
                .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", draft)
                .then().statusCode(200);
    }
}
