package uk.org.neglectexchange.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Asserts the problem+json shape every error shares with the services. */
public final class ProblemJson {

    private ProblemJson() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String title, String slug) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://neglect-exchange.example/problems/" + slug))
                .body("title", equalTo(title))
                .body("status", equalTo(status));
    }
}
