package uk.org.neglectexchange.gateway.limits;

import io.vertx.core.http.HttpServerRequest;
import uk.org.neglectexchange.gateway.problem.Problem;

/** What happens to the rest of a request whose body is refused as too large. */
final class OversizeRequests {

    /** Netty's reason phrase, as in the 413 Quarkus raises for the gateway's own resources. */
    static final String TITLE = "Request Entity Too Large";

    private OversizeRequests() {
    }

    static Problem problem(String path, long maxBytes) {
        return Problem.of(413, TITLE, "The request body is larger than the " + maxBytes + " bytes the API accepts", path);
    }

    /**
     * Reads and drops what the client is still sending, so it can finish writing and read the 413 on a connection
     * that stays usable; closing with unread data would reset the connection under the answer. A client that keeps
     * sending past {@code discardAtMost} more bytes is cut off.
     */
    static void discardRest(HttpServerRequest request, long discardAtMost) {
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > discardAtMost) {
                request.connection().close();
            }
        });
        request.exceptionHandler(e -> { });
        request.endHandler(null);
        request.resume();
    }
}
