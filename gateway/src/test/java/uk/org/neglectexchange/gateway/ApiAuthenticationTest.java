package uk.org.neglectexchange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The gateway turns away /api/v1 requests without a valid token, answering with problem+json. */
@QuarkusTest
class ApiAuthenticationTest {

    private static final String PATH = "/api/v1/toolkits/HIOW/editions/current";

    @Test
    void requestWithoutTokenIsUnauthorized() {
        assertProblem(given().when().get(PATH).then(), 401, "Unauthorized", "unauthorized")
                .header("WWW-Authenticate", "Bearer realm=\"neglect-exchange\"")
                .body("instance", equalTo("/api/v1/toolkits/{value}/editions/current"));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertProblem(given().header("Authorization", "Bearer abc").when().get(PATH).then(), 401, "Unauthorized",
                "unauthorized")
                .header("WWW-Authenticate", "Bearer realm=\"neglect-exchange\"");
    }

    @Test
    void expiredTokenWithForgedSignatureIsUnauthorized() {
        String token = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
                + base64Url("{\"iss\":\"http://127.0.0.1:8180/realms/neglect-exchange\",\"exp\":1,\"sub\":\"x\","
                        + "\"aud\":\"neglect-exchange-api\"}")
                + "." + base64Url("not-a-signature");
        assertProblem(given().header("Authorization", "Bearer " + token).when().get(PATH).then(), 401,
                "Unauthorized", "unauthorized");
    }

    @Test
    void nonBearerSchemeIsUnauthorized() {
        assertProblem(given().header("Authorization", "Basic dXNlcjpwYXNz").when().get(PATH).then(), 401,
                "Unauthorized", "unauthorized");
    }

    @Test
    void refusalCarriesTheCallersRequestId() {
        given().header("X-Request-Id", "agency-ref-42").when().get(PATH)
                .then().statusCode(401).header("X-Request-Id", "agency-ref-42");
    }

    @Test
    void unusableRequestIdIsReplacedWithUuid() {
        given().header("X-Request-Id", "line\tbreak<script>").when().get(PATH)
                .then().statusCode(401).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
