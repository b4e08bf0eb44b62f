package uk.org.neglectexchange.gateway.limits;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through unchanged until it grows past the limit; then it fails the stream (the proxy resets
 * the request to the service) and hands the source to {@code onExceeded}, which owns it from then on.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** Fails the pipe to the service; never reaches a client. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onExceeded;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;
    private long received;
    private boolean exceeded;

    LimitedBody(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
        this.source = source;
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    boolean exceeded() {
        return exceeded;
    }

    private void chunk(Buffer chunk) {
        received += chunk.length();
        if (received <= limit) {
            handler.handle(chunk);
            return;
        }
        exceeded = true;
        onExceeded.run();
        if (exceptionHandler != null) {
            exceptionHandler.handle(new TooLarge());
        }
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (!exceeded) {
            source.handler(handler == null ? null : this::chunk);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        if (!exceeded) {
            source.exceptionHandler(handler);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (!exceeded) {
            source.endHandler(endHandler);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!exceeded) {
            source.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            source.fetch(amount);
        }
        return this;
    }
}
