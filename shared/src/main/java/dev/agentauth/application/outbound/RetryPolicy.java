package dev.agentauth.application.outbound;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When an outbound call is tried again: up to {@code maxAttempts} attempts in all, waiting a
 * random delay between zero and {@code min(maxDelay, initialDelay * 2^(retry-1))} (exponential
 * backoff with full jitter) after a status in {@code retryOn} or a connection failure. A
 * {@code Retry-After} answer is honoured when it is at most {@code maxDelay}; a longer one ends
 * the retries and the caller gets that answer. Non-idempotent methods (POST, PATCH) are retried
 * only when {@code retryNonIdempotent} says so, except after a failure to connect, when nothing
 * was sent.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Set<Integer> retryOn,
                          boolean retryNonIdempotent) {

    public static final Set<Integer> DEFAULT_RETRY_ON = Set.of(429, 500, 502, 503, 504);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) throw new IllegalArgumentException("maxAttempts must be 1..10");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) throw new IllegalArgumentException("delays must not be negative");
        if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be at least initialDelay");
        retryOn = retryOn == null ? Set.of() : Set.copyOf(retryOn);
    }

    /** Three attempts, 200 ms initial delay, 5 s cap, the usual transient statuses; POST not retried. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), DEFAULT_RETRY_ON, false);
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Set.of(), false);
    }

    public RetryPolicy withRetryNonIdempotent(boolean value) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, retryOn, value);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, initialDelay, maxDelay, retryOn, retryNonIdempotent);
    }

    /** The upper bound of the jittered delay before retry number {@code retry} (1 = first retry). */
    public Duration backoffCeiling(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long millis = initialDelay.toMillis() << shift;
        return millis < 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
}
