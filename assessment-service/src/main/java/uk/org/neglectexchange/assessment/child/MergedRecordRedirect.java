package uk.org.neglectexchange.assessment.child;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemMappers;

/**
 * Answers a merged record's address with the surviving record's: the same path and query, the other childRef.
 */
public class MergedRecordRedirect {

    @ServerExceptionMapper
    public Response redirect(MergedRecord e, UriInfo uri, SimpleResourceInfo resource) {
        String path = uri.getPathSegments().stream().map(PathSegment::getPath)
                .map(segment -> segment.equals(e.mergedRef()) ? e.survivingRef() : segment)
                .collect(Collectors.joining("/", "/", ""));
        return Response.fromResponse(ProblemMappers.respond(
                        Problem.of(e.status(), e.title(), e.getMessage(), ProblemMappers.instance(resource), List.of())))
                // a relative reference (RFC 9110 10.2.2): the client resolves it against the gateway it called
                .header("Location", uri.getRequestUri().getRawQuery() == null ? path
                        : path + "?" + uri.getRequestUri().getRawQuery())
                .build();
    }
}
