package uk.org.neglectexchange.assessment.retention;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The data protection officer's reason for a hold, its lift or an erasure: required (422 naming {@code reason}), so a
 * request without one changes nothing. It is the officer's own words about the decision, kept on its record only.
 */
public record ReasonRequest(String reason) {

    static final int MAX = 500;

    static String required(ReasonRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw ProblemException.unprocessable("reason", "is required: say why (the decision's record keeps it)");
        }
        if (reason.length() > MAX) {
            throw ProblemException.unprocessable("reason", "must be at most " + MAX + " characters");
        }
        return reason;
    }
}
