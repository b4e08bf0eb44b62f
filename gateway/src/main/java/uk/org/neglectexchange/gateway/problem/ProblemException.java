package uk.org.neglectexchange.gateway.problem;

import java.util.List;

/**
 * Thrown by the gateway's own REST resources when a request cannot be answered; {@link RestProblemMappers} writes it
 * as problem+json. {@code parameters} names the offending query parameters, never their values.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<String> parameters;

    public ProblemException(int status, String title, String detail, List<String> parameters) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameters = List.copyOf(parameters);
    }

    public static ProblemException badRequest(List<String> parameters, String detail) {
        return new ProblemException(400, "Bad Request", detail, parameters);
    }

    public static ProblemException badRequest(String parameter, String message) {
        return badRequest(List.of(parameter), parameter + " " + message);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<String> parameters() {
        return parameters;
    }
}
