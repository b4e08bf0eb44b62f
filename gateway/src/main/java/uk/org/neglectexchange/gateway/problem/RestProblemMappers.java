package uk.org.neglectexchange.gateway.problem;


import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own REST resources (dashboard, event stream) answer errors in the same problem+json shape as its
 * Vert.x routes and the services, including the 401/403 of {@code @RolesAllowed}. Invalid query parameters are named
 * in {@code errors} as the services name fields: {@code {"field": "<parameter>", "message": ...}}, never the value.
 */
public class RestProblemMappers {

    private static final Logger LOG = Logger.getLogger(RestProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        JsonObject body = Problem.of(e.status(), e.title(), e.getMessage(), path(uri)).toJson();
        if (!e.parameters().isEmpty()) {
            JsonArray errors = new JsonArray();
            e.parameters().forEach(parameter -> errors.add(new JsonObject().put("field", parameter)
                    .put("message", e.getMessage())));
            body.put("errors", errors);
        }
        return respond(e.status(), body);
    }

    /** The platform library's problems (idempotency keys, the notification resources' field errors). */
    @ServerExceptionMapper
    public Response platformProblem(uk.org.neglectexchange.platform.problem.ProblemException e, UriInfo uri) {
        JsonObject body = Problem.of(e.status(), e.title(), e.getMessage(), path(uri)).toJson();
        if (!e.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            e.errors().forEach(error -> errors.add(new JsonObject().put("field", error.field()).put("message", error.message())));
            body.put("errors", errors);
        }
        return respond(e.status(), body);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, Problem.of(401, "Unauthorized",
                "A valid bearer token from the neglect-exchange realm is required", path(uri)).toJson()))
                .header("WWW-Authenticate", FailureProblemHandler.BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, Problem.of(403, "Forbidden", "The token's roles do not allow this operation", path(uri)).toJson());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested representation is not available";
            default -> "The request could not be processed";
        };
        return respond(status.getStatusCode(), Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail,
                path(uri)).toJson());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", Problem.masked(path(uri)));
        return respond(500, Problem.of(500, "Internal Server Error",
                "The request could not be completed; it has been logged", path(uri)).toJson());
    }

    private static Response respond(int status, JsonObject body) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body.encode()).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
