package uk.org.neglectexchange.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertNamesTemplateNotValue;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input the gateway's generated bad requests (BadInputTest) found accepted by the services, or answered with a 500:
 * each is a 4xx problem that names the field or parameter and repeats no value sent. Shown once here, on the test
 * application's {@code /probe} resource, for every service that uses the library (the values are the ones the
 * services' own tests used to send); a service's tests keep what is its own (its path templates, its own checks).
 */
@QuarkusTest
class StrictInputTest {

    private static final String VALID = "{\"givenName\":\"Strict\",\"familyName\":\"Input\",\"dateOfBirth\":\"2020-01-01\","
            + "\"visits\":2,\"notes\":[{\"name\":\"Plan\",\"dueOn\":\"2026-01-01\"}]}";

    @Test
    void aValidBodyIsTaken() {
        post(VALID, "application/json").statusCode(201);
    }

    @Test
    void aScalarOfAnotherTypeIsNotCoercedIntoAString() {
        for (String wrong : new String[] { "123", "true", "1.5" }) {
            refused(VALID.replace("\"Strict\"", wrong)).body("errors[0].field", equalTo("givenName"));
        }
    }

    @Test
    void aFractionIsNotCutToAnInteger() {
        // 1.5 working days was cut to 1, a familiarity of 4.5 to 4
        for (String fraction : new String[] { "1.5", "4.5" }) {
            refused(VALID.replace("\"visits\":2", "\"visits\":" + fraction)).body("errors[0].field", equalTo("visits"));
        }
    }

    @Test
    void aNulCharacterOrAnUnpairedSurrogateInAStringIsRefusedNamingTheField() {
        // a NUL was a 500: PostgreSQL cannot store it; half a surrogate pair would be stored as "?"
        for (String bad : new String[] { "\\u0000", "\\ud800", "\\udfff", "\\udc00\\ud800" }) {
            refused(VALID.replace("Strict", "St" + bad + "rict")).body("errors[0].field", equalTo("givenName"));
        }
        refused(VALID.replace("Plan", "Plan\\u0000")).body("errors[0].field", equalTo("notes[0].name"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        for (String hex : new String[] { "c0af", "eda080", "ff", "f4908080" }) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"givenName\":\"St".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(HexFormat.of().parseHex(hex));
            body.writeBytes(VALID.substring(VALID.indexOf("rict\"")).getBytes(StandardCharsets.UTF_8));
            assertProblem(post(body.toByteArray(), "application/json"), 400)
                    .body("detail", equalTo("The body is not valid UTF-8"));
        }
    }

    @Test
    void aDateWithATimeIsRefusedNamingTheField() {
        // "2026-01-01T00:00:00Z" was read as 2026-01-01
        refused(VALID.replace("2020-01-01", "2020-01-01T00:00:00Z")).body("errors[0].field", equalTo("dateOfBirth"));
        refused(VALID.replace("2026-01-01", "2026-01-01T00:00:00Z")).body("errors[0].field", equalTo("notes[0].dueOn"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        for (String trailing : new String[] { " {}", " garbage", "]" }) {
            refused(VALID + trailing);
        }
    }

    @Test
    void aDateOutsideTheYears1900To2100IsRefusedNamingTheField() {
        // -999999999-01-01 as a chronology entry's occurredOn was a 500; +999999999-12-31 as a due date was stored
        for (String date : new String[] { "-999999999-01-01", "+999999999-12-31", "1899-12-31", "2101-01-01" }) {
            refused(VALID.replace("2020-01-01", date)).body("errors[0].field", equalTo("dateOfBirth"))
                    .body("errors[0].message", equalTo("must be a date from 1900-01-01 to 2100-12-31"));
        }
        refused(VALID.replace("2026-01-01", "+999999999-12-31")).body("errors[0].field", equalTo("notes[0].dueOn"));
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsUnsupported() {
        assertProblem(given().body(VALID.getBytes(StandardCharsets.UTF_8)).when().post("/probe/people").then(), 415);
        for (String contentType : new String[] { "application/json; charset=x-no-such-charset",
                "application/json; charset=ISO-8859-1" }) {
            assertProblem(post(VALID, contentType), 415);
        }
    }

    @Test
    void aProblemNamesThePathTemplateNotThePathAndNoValueSent() {
        for (String value : new String[] { "9434765919", "NHS 9434765919" }) {
            assertNamesTemplateNotValue(given().when().get("/probe/people/{ref}", value).then(), 404, "/probe/people/{ref}",
                    "9434765919");
        }
    }

    @Test
    void anEmptyAcceptIsAnyRepresentation() {
        given().header("Accept", "").when().get("/probe/people").then().statusCode(200)
                .contentType(startsWith("application/json"));
        assertProblem(given().header("Accept", "application").when().get("/probe/people").then(), 406);
    }

    private static ValidatableResponse refused(String body) {
        return assertProblem(post(body, "application/json"), 400);
    }

    private static ValidatableResponse post(Object body, String contentType) {
        byte[] bytes = body instanceof byte[] b ? b : ((String) body).getBytes(StandardCharsets.UTF_8);
        return given().contentType(contentType).body(bytes).when().post("/probe/people").then();
    }
}
