package uk.org.neglectexchange.platform.testsupport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Asserts the RFC 9457 problem+json shape every error of the exchange shares. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /** The status, as application/problem+json whose own status agrees. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith(MEDIA_TYPE)).body("status", equalTo(status));
    }

    /** And the problem's type (…/problems/{slug}) and title. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String title, String slug) {
        return assertProblem(response, status)
                .body("type", equalTo("https://neglect-exchange.example/problems/" + slug))
                .body("title", equalTo(title));
    }

    /**
     * A problem about an operation names its path template as the instance, never the path, and repeats nothing of
     * the value the client put in the path.
     */
    public static ValidatableResponse assertNamesTemplateNotValue(ValidatableResponse response, int status,
            String template, String valueSent) {
        return assertProblem(response, status).body("instance", equalTo(template)).body(not(containsString(valueSent)));
    }
}
