package uk.org.neglectexchange.assessment.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.assessment.support.KeycloakTokens.bearer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input the gateway's generated bad requests (BadInputTest) found accepted or answered with a 500: each is now a
 * 4xx problem that names the field or parameter and repeats no value sent.
 */
@QuarkusTest
class StrictInputTest {

    private static final String CLIENT = "hscp-childrens-services";
    private static final String VALID = "{\"givenName\":\"Strict\",\"familyName\":\"Input\",\"dateOfBirth\":\"2020-01-01\"}";

    @Test
    void aScalarOfAnotherTypeIsNotCoercedIntoAString() {
        for (String wrong : new String[] { "123", "true", "1.5" }) {
            register(VALID.replace("\"Strict\"", wrong), "application/json").statusCode(400)
                    .body("errors[0].field", equalTo("givenName"));
        }
    }

    @Test
    void aNulCharacterOrAnUnpairedSurrogateInAStringIsRefusedNamingTheField() {
        for (String bad : new String[] { "\\u0000", "\\ud800", "\\udc00\\ud800" }) {
            register(VALID.replace("Strict", "St" + bad + "rict"), "application/json").statusCode(400)
                    .body("errors[0].field", equalTo("givenName"));
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        for (String hex : new String[] { "c0af", "eda080", "ff", "f4908080" }) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"givenName\":\"St".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(HexFormat.of().parseHex(hex));
            body.writeBytes(VALID.substring(VALID.indexOf("rict\"")).getBytes(StandardCharsets.UTF_8));
            register(body.toByteArray(), "application/json").statusCode(400)
                    .body("detail", equalTo("The body is not valid UTF-8"));
        }
    }

    @Test
    void aDateWithATimeAndTrailingTokensAreRefused() {
        register(VALID.replace("2020-01-01", "2020-01-01T00:00:00Z"), "application/json").statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        register(VALID + " {}", "application/json").statusCode(400);
    }

    @Test
    void aDateOutsideTheYears1900To2100IsRefusedNamingTheField() {
        // -999999999-01-01 as a chronology entry's occurredOn was a 500
        for (String date : new String[] { "-999999999-01-01", "+999999999-12-31", "1899-12-31", "2101-01-01" }) {
            register(VALID.replace("2020-01-01", date), "application/json").statusCode(400)
                    .body("errors[0].field", equalTo("dateOfBirth"))
                    .body("errors[0].message", equalTo("must be a date from 1900-01-01 to 2100-12-31"));
        }
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsUnsupported() {
        given().header("Authorization", bearer(CLIENT)).header("X-Practitioner-Id", "strict-input")
                .body(VALID.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/children")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        register(VALID, "application/json; charset=x-no-such-charset").statusCode(415);
        register(VALID, "application/json; charset=ISO-8859-1").statusCode(415);
    }

    @Test
    void aProblemNamesThePathTemplateNotThePath() {
        given().header("Authorization", bearer(CLIENT))
                .when().get("/api/v1/children/{ref}", "9434765919")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("instance", equalTo("/api/v1/children/{childRef}"))
                .body(not(containsString("9434765919")));
    }

    @Test
    void aQueryDateOutsideTheDomainIsABadRequestNamingTheParameter() {
        for (String date : new String[] { "+999999999-12-31", "-999999999-01-01", "1899-12-31" }) {
            given().header("Authorization", bearer(CLIENT)).queryParam("from", date)
                    .when().get("/api/v1/children/CH-ZZZZZZZZZZ/chronology")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("from"));
        }
    }

    private static ValidatableResponse register(Object body, String contentType) {
        var request = given().header("Authorization", bearer(CLIENT)).header("X-Practitioner-Id", "strict-input")
                .contentType(contentType);
        request = body instanceof byte[] bytes ? request.body(bytes)
                : request.body(((String) body).getBytes(StandardCharsets.UTF_8));
        return request.when().post("/api/v1/children").then().contentType(startsWith("application/problem+json"));
    }
}
