package dev.agentauth.application.outbound;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one outbound call behaves, usually derived from a connection's settings: per-attempt
 * timeout (connect, headers and body together), retries, user agent, headers sent with every
 * request (the request's own headers win), response size cap, redirect hops and a total time
 * budget across all attempts and waits (no attempt or wait starts that cannot end within it).
 */
public record RequestPolicy(Duration timeout, RetryPolicy retry, String userAgent, Map<String, String> baseHeaders,
                            long maxResponseBytes, int maxRedirects, Duration totalBudget) {

    public static final String DEFAULT_USER_AGENT = "agentauth-connections/1.0";
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    /** Hard upper bound for the response cap: provider answers are small JSON documents. */
    public static final long MAX_RESPONSE_BYTES_LIMIT = 16L * 1024 * 1024;
    public static final int MAX_REDIRECTS_LIMIT = 5;

    public RequestPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(totalBudget, "totalBudget");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (totalBudget.compareTo(timeout) < 0) throw new IllegalArgumentException("totalBudget must be at least timeout");
        if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxResponseBytes must be 1.." + MAX_RESPONSE_BYTES_LIMIT);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
            throw new IllegalArgumentException("maxRedirects must be 0.." + MAX_REDIRECTS_LIMIT);
        }
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        ProviderRequest.requireValidHeader("User-Agent", userAgent);
        Map<String, String> headers = new LinkedHashMap<>();
        if (baseHeaders != null) {
            baseHeaders.forEach((name, value) -> {
                ProviderRequest.requireValidHeader(name, value);
                headers.put(name, value);
            });
        }
        baseHeaders = java.util.Collections.unmodifiableMap(headers);
    }

    /** 10 s per attempt, default retries, 1 MiB cap, 5 redirects, 30 s in all. */
    public static RequestPolicy defaults() {
        return new RequestPolicy(Duration.ofSeconds(10), RetryPolicy.defaults(), DEFAULT_USER_AGENT, Map.of(),
                DEFAULT_MAX_RESPONSE_BYTES, MAX_REDIRECTS_LIMIT, Duration.ofSeconds(30));
    }

    /** Sets the per-attempt timeout, raising the total budget to it when needed. */
    public RequestPolicy withTimeout(Duration value) {
        Duration budget = totalBudget.compareTo(value) < 0 ? value : totalBudget;
        return new RequestPolicy(value, retry, userAgent, baseHeaders, maxResponseBytes, maxRedirects, budget);
    }

    public RequestPolicy withRetry(RetryPolicy value) {
        return new RequestPolicy(timeout, value, userAgent, baseHeaders, maxResponseBytes, maxRedirects, totalBudget);
    }

    public RequestPolicy withUserAgent(String value) {
        return new RequestPolicy(timeout, retry, value, baseHeaders, maxResponseBytes, maxRedirects, totalBudget);
    }

    public RequestPolicy withBaseHeaders(Map<String, String> value) {
        return new RequestPolicy(timeout, retry, userAgent, value, maxResponseBytes, maxRedirects, totalBudget);
    }

    public RequestPolicy withMaxResponseBytes(long value) {
        return new RequestPolicy(timeout, retry, userAgent, baseHeaders, value, maxRedirects, totalBudget);
    }

    public RequestPolicy withMaxRedirects(int value) {
        return new RequestPolicy(timeout, retry, userAgent, baseHeaders, maxResponseBytes, value, totalBudget);
    }

    /** Sets the total budget, lowering the per-attempt timeout to it when needed. */
    public RequestPolicy withTotalBudget(Duration value) {
        Duration perAttempt = timeout.compareTo(value) > 0 ? value : timeout;
        return new RequestPolicy(perAttempt, retry, userAgent, baseHeaders, maxResponseBytes, maxRedirects, value);
    }

    @Override
    public String toString() {
        // base headers may carry values a tenant considers sensitive: names only
        return "RequestPolicy[timeout=" + timeout + ", retry=" + retry + ", baseHeaders=" + baseHeaders.keySet()
                + ", maxResponseBytes=" + maxResponseBytes + ", maxRedirects=" + maxRedirects
                + ", totalBudget=" + totalBudget + "]";
    }
}
