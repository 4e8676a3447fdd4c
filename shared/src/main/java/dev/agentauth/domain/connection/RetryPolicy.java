package dev.agentauth.domain.connection;

import java.util.List;

/** How calls through a connection are retried: attempts, exponential delays and the statuses that qualify. */
public record RetryPolicy(int maxAttempts, long initialDelayMs, long maxDelayMs, List<Integer> retryOn) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 200, 5000, List.of(429, 500, 502, 503, 504));

    public RetryPolicy {
        retryOn = retryOn == null ? List.of() : List.copyOf(retryOn);
    }
}
