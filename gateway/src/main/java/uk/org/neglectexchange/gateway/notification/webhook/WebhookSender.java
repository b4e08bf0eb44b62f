package uk.org.neglectexchange.gateway.notification.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Makes one signed delivery attempt (Standard Webhooks headers) to a {@link Target} that {@link AddressPolicy} has
 * passed. Only the status matters, so the receiver gets no say beyond it: redirects are not followed, at most
 * {@code max-response-bytes} of its body is read, and the whole attempt is cut off at {@code timeout}. It logs
 * nothing, so neither the secret nor the payload can end up in a log.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "NeglectExchange-Webhooks/1";

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;
    private final int maxResponseBytes;

    @Inject
    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this(vertx, config.timeout(), config.maxResponseBytes(), config.maxInFlight());
    }

    WebhookSender(Vertx vertx, Duration timeout, int maxResponseBytes, int maxInFlight) {
        this.vertx = vertx;
        this.timeoutMillis = timeout.toMillis();
        this.maxResponseBytes = maxResponseBytes;
        // no trust options: certificates are checked against the JVM's trust store, host names verified
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) timeoutMillis)
                .setIdleTimeout((int) timeoutMillis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTrustAll(false);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxInFlight));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** POSTs the body, signed for this attempt (a retry gets a fresh timestamp and signature, the same id). */
    public Future<SendResult> send(Target target, String webhookId, String secret, String body) {
        long now = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // the address that was checked, never the name resolved again (see Target)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(pathAndQuery(target.uri()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(now))
                .putHeader("webhook-signature", WebhookSignature.sign(secret, webhookId, now, body))
                .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
        return new Attempt().start(request, body);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** A short, fixed reason for an attempt that got no response; never the exception's text (it names addresses). */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
                return "timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (cause instanceof HttpClosedException) {
                return "connection closed";
            }
        }
        return "request failed";
    }

    /** One attempt's state; whichever of response, failure and deadline comes first decides the result. */
    private final class Attempt {

        private final Promise<SendResult> result = Promise.promise();
        private volatile HttpClientRequest request;
        private volatile int status;
        private long bodyBytes; // the connection's event loop only

        Future<SendResult> start(RequestOptions options, String body) {
            // a deadline for the whole attempt: idle timeouts alone would let a receiver trickle bytes forever
            long deadline = vertx.setTimer(timeoutMillis,
                    id -> finish(status != 0 ? SendResult.status(status) : SendResult.failed("timed out")));
            result.future().onComplete(done -> vertx.cancelTimer(deadline));
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    finish(SendResult.failed(reason(opened.cause())));
                    return;
                }
                request = opened.result();
                if (result.future().isComplete()) {
                    request.reset(); // the deadline passed while connecting
                    return;
                }
                request.send(body).onComplete(sent -> {
                    if (sent.succeeded()) {
                        read(sent.result());
                    } else {
                        finish(SendResult.failed(reason(sent.cause())));
                    }
                });
            });
            return result.future();
        }

        /** Counts the body without keeping it; past the limit the connection is dropped instead of read further. */
        private void read(HttpClientResponse response) {
            status = response.statusCode();
            response.handler(chunk -> {
                bodyBytes += chunk.length();
                if (bodyBytes > maxResponseBytes) {
                    finish(SendResult.status(status));
                }
            });
            response.exceptionHandler(failure -> finish(SendResult.status(status)));
            // read to the end: the connection goes back to the pool for the next delivery
            response.endHandler(end -> result.tryComplete(SendResult.status(status)));
        }

        /** Ends the attempt early; resetting a request under way closes its connection rather than pool it. */
        private void finish(SendResult outcome) {
            HttpClientRequest underWay = request;
            if (result.tryComplete(outcome) && underWay != null) {
                underWay.reset();
            }
        }
    }
}
