package uk.org.neglectexchange.platform.problem;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Refuses a path or query holding a NUL character (%00) before any resource sees it: PostgreSQL cannot store or
 * compare text with NUL in it (every lookup by it failed with a 500), and it cannot go into a header (an ETag).
 */
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true", enableIfMissing = true)
public class NulCharacters {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        boolean nul = uri.getPath().indexOf('\u0000') >= 0 || uri.getQueryParameters().entrySet().stream()
                .anyMatch(e -> e.getKey().indexOf('\u0000') >= 0 || e.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0));
        return nul ? ProblemMappers.respond(Problem.of(400, "Bad Request",
                "The path or query contains a NUL character (%00)", null, List.of())) : null;
    }
}
