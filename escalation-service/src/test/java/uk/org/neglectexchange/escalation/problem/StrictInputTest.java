package uk.org.neglectexchange.escalation.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static uk.org.neglectexchange.escalation.support.KeycloakTokens.bearer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input the gateway's generated bad requests (BadInputTest) found accepted or answered with a 500: each is now a
 * 4xx problem that names the field and repeats no value sent, and nothing is raised.
 */
@QuarkusTest
class StrictInputTest {

    private static final String CLIENT = "hscp-childrens-services";

    private static String valid() {
        return "{\"childRef\":\"c-" + UUID.randomUUID() + "\",\"otherAgency\":\"HEALTH\","
                + "\"disagreement\":\"We disagree\",\"currentRisk\":\"LOW\",\"shortenedDeadlineWorkingDays\":null}";
    }

    @Test
    void aNulCharacterOrAnUnpairedSurrogateInFreeTextIsRefusedNamingTheField() {
        // a NUL in disagreement was a 500: PostgreSQL cannot store it
        for (String bad : new String[] { "\\u0000", "\\ud800", "\\udfff" }) {
            raise(valid().replace("We disagree", "We" + bad + " disagree"), "application/json").statusCode(400)
                    .body("errors[0].field", equalTo("disagreement"));
        }
    }

    @Test
    void aScalarOfAnotherTypeIsNotCoerced() {
        raise(valid().replace("\"We disagree\"", "123"), "application/json").statusCode(400)
                .body("errors[0].field", equalTo("disagreement"));
        raise(valid().replace("\"We disagree\"", "true"), "application/json").statusCode(400)
                .body("errors[0].field", equalTo("disagreement"));
        // 1.5 working days was cut to 1
        raise(valid().replace("null", "1.5").replace("}", ",\"deadlineReason\":\"urgent\"}"), "application/json")
                .statusCode(400).body("errors[0].field", equalTo("shortenedDeadlineWorkingDays"));
    }

    @Test
    void bytesThatAreNotUtf8AndTrailingTokensAreRefused() {
        String body = valid();
        int cut = body.indexOf("disagree\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(body.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(HexFormat.of().parseHex("c0af"));
        bytes.writeBytes(body.substring(cut).getBytes(StandardCharsets.UTF_8));
        raise(bytes.toByteArray(), "application/json").statusCode(400).body("detail", equalTo("The body is not valid UTF-8"));
        raise(valid() + " garbage", "application/json").statusCode(400);
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsUnsupported() {
        given().header("Authorization", bearer(CLIENT)).header("X-Practitioner-Id", "strict-input")
                .body(valid().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/escalations")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        raise(valid(), "application/json; charset=x-no-such-charset").statusCode(415);
    }

    @Test
    void aProblemNamesThePathTemplateAndNoValueSent() {
        given().header("Authorization", bearer(CLIENT))
                .when().get("/api/v1/escalation-procedures/{p}", "NHS 9434765919")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("instance", equalTo("/api/v1/escalation-procedures/{partnership}"))
                .body(not(containsString("9434765919")));
    }

    private static ValidatableResponse raise(Object body, String contentType) {
        byte[] bytes = body instanceof byte[] b ? b : ((String) body).getBytes(StandardCharsets.UTF_8);
        return given().header("Authorization", bearer(CLIENT)).header("X-Practitioner-Id", "strict-input")
                .contentType(contentType).body(bytes)
                .when().post("/api/v1/escalations").then().contentType(startsWith("application/problem+json"));
    }
}
