package uk.org.neglectexchange.gateway;

import io.restassured.response.ValidatableResponse;

/**
 * The platform's {@link uk.org.neglectexchange.platform.testsupport.ProblemJson} under the name the suite
 * (gateway/src/test/.../suite) still imports; the gateway's own tests use the platform's. Goes when the suite has
 * moved to system-tests.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String title, String slug) {
        return uk.org.neglectexchange.platform.testsupport.ProblemJson.assertProblem(response, status, title, slug);
    }
}
