package dev.agentauth.outbound;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.outbound.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProviderHttp} on the JDK HTTP client: guard, pin, send, retry, follow redirects by hand.
 * Logs name the method, origin, status and attempt only.
 */
final class JdkProviderHttp implements ProviderHttp {

    private static final Logger LOG = LoggerFactory.getLogger(JdkProviderHttp.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Headers the JDK client computes itself; a request or policy cannot set them. */
    private static final Set<String> COMPUTED_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade");

    static {
        HostHeader.enable();
    }

    private final TargetGuard guard;
    private final PinnedClients clients;
    private final Pacer pacer;
    private final Clock clock;

    JdkProviderHttp(TargetGuard guard, PinnedClients clients, Pacer pacer, Clock clock) {
        this.guard = guard;
        this.clients = clients;
        this.pacer = pacer;
        this.clock = clock;
    }

    @Override
    public void verifyTarget(URI target) throws OutboundFailure {
        guard.check(target);
    }

    @Override
    public ProviderResponse send(ProviderRequest request, RequestPolicy policy) throws OutboundFailure {
        long deadline = pacer.nanoTime() + policy.totalBudget().toNanos();
        ProviderRequest current = request;
        String firstOrigin = null;
        for (int hop = 0; ; hop++) {
            CheckedTarget target = guard.check(current.uri());
            if (firstOrigin == null) {
                firstOrigin = target.origin();
            } else if (!firstOrigin.equals(target.origin())) {
                // another origin: nothing the caller attached (credentials included) travels there
                if (current.hasBody()) {
                    throw new OutboundFailure(Kind.REDIRECT_NOT_ALLOWED,
                            "the provider redirected a request with a body to another host, which is not followed");
                }
                current = ProviderRequest.of(current.method(), current.uri());
            }
            boolean sameOrigin = firstOrigin.equals(target.origin());
            ProviderResponse response = sendWithRetries(current, target, policy, sameOrigin, deadline);
            if (!REDIRECTS.contains(response.status()) || policy.maxRedirects() == 0) return response;
            Optional<String> location = response.header("Location");
            if (location.isEmpty()) return response;
            if (hop >= policy.maxRedirects()) {
                throw new OutboundFailure(Kind.TOO_MANY_REDIRECTS,
                        "the provider redirected more than " + policy.maxRedirects() + " times");
            }
            current = redirected(current, response.status(), next(current.uri(), location.get()));
        }
    }

    private static URI next(URI from, String location) throws OutboundFailure {
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new OutboundFailure(Kind.REDIRECT_NOT_ALLOWED, "the provider redirected to an invalid location");
        }
    }

    /** 303, and 301/302 after a POST, continue as GET without a body; 307/308 keep method and body. */
    private static ProviderRequest redirected(ProviderRequest request, int status, URI next) {
        boolean toGet = status == 303 || ((status == 301 || status == 302) && request.method().equals("POST"));
        if (!toGet) return request.withUri(next);
        ProviderRequest get = ProviderRequest.of("GET", next);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) get = get.withHeader(header.getKey(), header.getValue());
        }
        return get;
    }

    private ProviderResponse sendWithRetries(ProviderRequest request, CheckedTarget target, RequestPolicy policy,
                                             boolean sameOrigin, long deadline) throws OutboundFailure {
        RetryPolicy retry = policy.retry();
        boolean mayResend = request.idempotent() || retry.retryNonIdempotent();
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - pacer.nanoTime();
            if (remaining <= 0) throw new OutboundFailure(Kind.TIMEOUT, "the provider did not answer in time");
            Duration timeout = Duration.ofNanos(Math.min(policy.timeout().toNanos(), remaining));
            HttpResponse<byte[]> answer;
            try {
                answer = sendOnce(request, target, policy, sameOrigin, timeout);
            } catch (AttemptFailure failure) {
                boolean retryable = failure.retryable && (mayResend || !failure.requestSent);
                LOG.info("outbound {} {} attempt {} failed: {}", request.method(), target.origin(), attempt, failure.failure.kind());
                if (!retryable || attempt >= retry.maxAttempts()) throw failure.failure;
                Duration delay = jitter(retry, attempt);
                if (!fitsBudget(delay, deadline)) throw failure.failure;
                pause(delay);
                continue;
            }
            ProviderResponse response = new ProviderResponse(answer.statusCode(), answer.headers().map(), answer.body(),
                    target.uri(), attempt);
            LOG.info("outbound {} {} attempt {} -> {}", request.method(), target.origin(), attempt, response.status());
            if (!retry.retryOn().contains(response.status()) || !mayResend || attempt >= retry.maxAttempts()) return response;
            Optional<Duration> retryAfter = response.retryAfter(clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxDelay()) > 0) return response;
            Duration delay = retryAfter.isPresent() ? retryAfter.get() : jitter(retry, attempt);
            if (!fitsBudget(delay, deadline)) return response;
            pause(delay);
        }
    }

    /** Full jitter: uniformly between zero and the exponential ceiling. */
    private static Duration jitter(RetryPolicy retry, int retryNumber) {
        long ceiling = retry.backoffCeiling(retryNumber).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** A wait is worth it only if an attempt can still start after it. */
    private boolean fitsBudget(Duration delay, long deadline) {
        return pacer.nanoTime() + delay.toNanos() < deadline;
    }

    private void pause(Duration delay) throws OutboundFailure {
        try {
            pacer.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundFailure(Kind.INTERRUPTED, "the call to the provider was interrupted");
        }
    }

    private HttpResponse<byte[]> sendOnce(ProviderRequest request, CheckedTarget target, RequestPolicy policy,
                                          boolean sameOrigin, Duration timeout) throws AttemptFailure, OutboundFailure {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("User-Agent", policy.userAgent());
        if (sameOrigin) headers.putAll(policy.baseHeaders());
        headers.putAll(request.headers());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.pinnedUri())
                .timeout(timeout)
                .method(request.method(), request.hasBody()
                        ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                        : HttpRequest.BodyPublishers.noBody());
        headers.forEach((name, value) -> {
            if (!COMPUTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) builder.header(name, value);
        });
        builder.header("Host", target.hostHeader());
        HttpClient client = clients.forTarget(target);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), CappedBody.handler(policy.maxResponseBytes(), request.method().equals("HEAD")));
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw AttemptFailure.sent(Kind.TIMEOUT, "the provider did not answer within " + describe(policy.timeout()), true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OutboundFailure(Kind.INTERRUPTED, "the call to the provider was interrupted");
        } catch (CancellationException e) {
            throw AttemptFailure.sent(Kind.TIMEOUT, "the provider did not answer within " + describe(policy.timeout()), true);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), target, policy);
        }
    }

    /** Maps a transport failure to a kind and whether the request may already have reached the provider. */
    private static AttemptFailure classify(Throwable error, CheckedTarget target, RequestPolicy policy) {
        String host = target.host();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLargeException) {
                return AttemptFailure.sent(Kind.RESPONSE_TOO_LARGE,
                        "the provider's answer exceeded " + policy.maxResponseBytes() + " bytes", false);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return AttemptFailure.notSent(Kind.TIMEOUT, "could not connect to " + host + " within " + describe(policy.timeout()));
            }
            if (t instanceof HttpTimeoutException) {
                return AttemptFailure.sent(Kind.TIMEOUT, "the provider did not answer within " + describe(policy.timeout()), true);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return AttemptFailure.notSent(Kind.UNREACHABLE, "could not connect to " + host);
            }
            if (t instanceof SSLException) {
                return AttemptFailure.sent(Kind.TLS_FAILURE, "the TLS connection to " + host
                        + " failed (untrusted or mismatched certificate, or unsupported protocol)", false);
            }
            if (t instanceof ProtocolException) {
                return AttemptFailure.sent(Kind.PROTOCOL_ERROR, host + " did not answer with valid HTTP", false);
            }
        }
        if (error instanceof IOException) {
            return AttemptFailure.sent(Kind.UNREACHABLE, "the connection to " + host + " was closed before an answer", true);
        }
        return AttemptFailure.sent(Kind.PROTOCOL_ERROR, host + " did not answer with valid HTTP", false);
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    /** One attempt's failure: the user-facing failure plus what the retry decision needs. */
    private static final class AttemptFailure extends Exception {
        final OutboundFailure failure;
        final boolean requestSent;
        final boolean retryable;

        private AttemptFailure(OutboundFailure failure, boolean requestSent, boolean retryable) {
            super(null, null, false, false);
            this.failure = failure;
            this.requestSent = requestSent;
            this.retryable = retryable;
        }

        static AttemptFailure notSent(Kind kind, String detail) {
            return new AttemptFailure(new OutboundFailure(kind, detail), false, true);
        }

        static AttemptFailure sent(Kind kind, String detail, boolean retryable) {
            return new AttemptFailure(new OutboundFailure(kind, detail), true, retryable);
        }
    }
}
