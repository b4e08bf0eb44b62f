package uk.org.neglectexchange.platform.problem;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * A body must say what it is, in UTF-8 (RFC 8259 §8.1): a write whose body has no Content-Type, or names another
 * charset, is a 415 before any resource reads it. Left alone, the JSON reader parsed such bodies anyway.
 */
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true", enableIfMissing = true)
public class BodyMediaType {

    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        if (BODILESS.contains(request.getMethod()) || !hasBody(request)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            return unsupported("The body has no Content-Type; send application/json");
        }
        String charset;
        try {
            charset = MediaType.valueOf(header).getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException e) {
            return unsupported("The Content-Type cannot be parsed; send application/json");
        }
        return charset == null || charset.equalsIgnoreCase("UTF-8") ? null
                : unsupported("The body must be UTF-8 (charset=UTF-8 or none)");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }

    private static Response unsupported(String detail) {
        return ProblemMappers.respond(Problem.of(415, "Unsupported Media Type", detail, null, List.of()));
    }
}
