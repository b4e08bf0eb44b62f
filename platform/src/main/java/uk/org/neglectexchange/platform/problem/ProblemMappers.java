package uk.org.neglectexchange.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves as application/problem+json; no message ever repeats a value the client sent: not the detail,
 * and not the instance, which is the operation's path template ("/api/v1/children/{childRef}"), never the path.
 */
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true", enableIfMissing = true)
public class ProblemMappers {

    /**
     * Build property: false in a module that answers its REST errors its own way (the gateway, whose routes are
     * Vert.x handlers), which then has none of this package's mappers, filters or JSON strictness.
     */
    public static final String ENABLED = "nx.problem-json.resteasy";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, SimpleResourceInfo resource) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage(), instance(resource), e.errors()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, SimpleResourceInfo resource) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "A valid bearer token from the neglect-exchange realm is required", instance(resource), List.of())))
                .header("WWW-Authenticate", "Bearer realm=\"neglect-exchange\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        return respond(Problem.of(403, "Forbidden", "The token's roles do not allow this operation", instance(resource), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, SimpleResourceInfo resource) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        return respond(Problem.of(400, "Bad Request", "The request does not satisfy the API's constraints", instance(resource), errors));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class })
    public Response unreadable(JsonProcessingException e, SimpleResourceInfo resource) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(Problem.of(400, "Bad Request", "Unknown field", instance(resource),
                    List.of(new Problem.FieldError(jsonPath(unknown), "is not a field of this resource"))));
        }
        if (e instanceof StrictJson.Refused refused) {
            return respond(Problem.of(400, "Bad Request", "A field holds a value the API does not accept", instance(resource),
                    List.of(new Problem.FieldError(jsonPath(refused), refused.rule()))));
        }
        if (e instanceof Utf8Only.NotUtf8) {
            return respond(Problem.of(400, "Bad Request", "The body is not valid UTF-8", instance(resource), List.of()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().getSimpleName();
            return respond(Problem.of(400, "Bad Request", "A field has the wrong type", instance(resource),
                    List.of(new Problem.FieldError(jsonPath(mismatch), "must be " + expected))));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "Bad Request", "The body is not valid JSON" + where, instance(resource), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, SimpleResourceInfo resource) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json, resource);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detailFor(status.getStatusCode()),
                instance(resource), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, SimpleResourceInfo resource) {
        if (DatabaseUnavailable.causedBy(e)) {
            // the client may send it again (with the same Idempotency-Key, if the commit's outcome was lost)
            LOG.warnf("Database unavailable in %s (%s)", operation(resource), e.getClass().getSimpleName());
            return Response.fromResponse(respond(Problem.of(503, "Service Unavailable",
                    "The database is unavailable for a moment; send the request again shortly", instance(resource),
                    List.of()))).header("Retry-After", "2").build();
        }
        LOG.errorf(e, "Unexpected error in %s", operation(resource));
        return respond(Problem.of(500, "Internal Server Error",
                "The request could not be completed; it has been logged", instance(resource), List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested representation is not available";
            case 415 -> "The body's media type is not supported here";
            default -> "The request could not be processed";
        };
    }

    /** The matched operation's path template, or none when no operation matched (the path may hold anything). */
    public static String instance(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = null;
        try {
            method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(Path.class);
        } catch (NoSuchMethodException e) {
            // not public: the class's template alone
        }
        String template = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        // "{code: [A-Z]+}" becomes "{code}", "//" becomes "/"
        return template.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    }

    /** For the log: which operation failed, not on which (identifying) path. */
    private static String operation(SimpleResourceInfo resource) {
        return resource == null || resource.getResourceClass() == null ? "a request that matched no operation"
                : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "publish.arg1.version" → "version": the client knows its fields, not our method parameters. */
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
