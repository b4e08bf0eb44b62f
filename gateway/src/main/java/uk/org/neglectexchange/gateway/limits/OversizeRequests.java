package uk.org.neglectexchange.gateway.limits;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import uk.org.neglectexchange.gateway.problem.Problem;

/** What happens to the rest of a request whose body is refused as too large. */
final class OversizeRequests {

    /** Netty's reason phrase, as in the 413 Quarkus raises for the gateway's own resources. */
    static final String TITLE = "Request Entity Too Large";

    /**
     * How much of a refused body is read and dropped, in multiples of the limit, before the connection is cut. Cut
     * while the client is still sending, its unread 413 is lost to the reset (java.net.http: "header parser received
     * no bytes"); at one limit's worth that hit every body over twice the limit.
     */
    static final long DISCARD_FACTOR = 64;

    private OversizeRequests() {
    }

    static Problem problem(String path, long maxBytes) {
        return Problem.of(413, TITLE, "The request body is larger than the " + maxBytes + " bytes the API accepts", path);
    }

    /**
     * The 413 ends the connection ({@code Connection: close}): the answer goes out while the client may still be
     * sending, so the connection is in no state to carry another request. A client that reused it (as
     * java.net.http.HttpClient did) found it closed under its next request ("header parser received no bytes").
     */
    static void closeAfter(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }

    /**
     * Reads and drops what the client is still sending, so it can finish writing and read the 413; closing with
     * unread data would reset the connection under the answer. The connection is closed once the body has ended and
     * the 413 is out, as the 413 said; a client that keeps sending past {@code discardAtMost} more bytes is cut off.
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
        request.endHandler(end -> closeOnceAnswered(request));
        request.resume();
    }

    /** The 413 may still be on its way (a chunked body is refused only when the proxy gives up): close after it. */
    private static void closeOnceAnswered(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            request.connection().close();
        } else {
            response.bodyEndHandler(written -> request.connection().close());
        }
    }
}
