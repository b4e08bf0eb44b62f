package uk.org.neglectexchange.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes a {@link Problem} as the whole response. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, int status, String title, String detail) {
        send(ctx.response(), Problem.of(status, title, detail, ctx.request().path()));
    }

    public static void send(HttpServerResponse response, Problem problem) {
        if (response.headWritten()) {
            // Too late to change status or body: the client sees a broken stream, which is the truth.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.toJson().toBuffer());
    }
}
