package dev.agentauth.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as it streams in and aborts (cancelling the subscription, which closes
 * the connection) as soon as it exceeds the cap, or at once when Content-Length announces more.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** Completes the body exceptionally; mapped to {@code RESPONSE_TOO_LARGE}. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response body exceeds the size cap", null);
        }
    }

    private final long cap;
    private final long declaredLength;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    private CappedBody(long cap, long declaredLength) {
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    /**
     * @param bodiless the request was HEAD: Content-Length then describes a body that never comes
     */
    static HttpResponse.BodyHandler<byte[]> handler(long cap, boolean bodiless) {
        return info -> {
            boolean noBody = bodiless || info.statusCode() == 204 || info.statusCode() == 304;
            return new CappedBody(cap, noBody ? -1 : info.headers().firstValueAsLong("Content-Length").orElse(-1));
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredLength > cap) {
            abort();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            received += item.remaining();
            if (received > cap) {
                abort();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void abort() {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException());
    }
}
