package dev.agentauth.application.outbound;

import dev.agentauth.domain.connection.ConnectionSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The request policy a connection's settings ask for (timeout, retries, user agent, base headers). */
public final class ConnectionPolicies {

    private ConnectionPolicies() {}

    /** Calls made on behalf of the connection: its own timeout, retries, user agent and base headers. */
    public static RequestPolicy of(ConnectionSettings settings) {
        RequestPolicy policy = RequestPolicy.defaults();
        if (settings == null) return policy;
        Duration timeout = Duration.ofSeconds(Math.max(1, settings.timeout()));
        policy = policy.withTimeout(timeout).withTotalBudget(timeout.multipliedBy(3).plusSeconds(5));
        if (settings.retry() != null) policy = policy.withRetry(retry(settings.retry()));
        if (settings.userAgent() != null && !settings.userAgent().isBlank()) policy = policy.withUserAgent(settings.userAgent());
        return policy.withBaseHeaders(settings.baseHeaders());
    }

    /**
     * Calls made while an API caller waits (connection tests): the connection's policy, but each
     * attempt at most {@code maxAttempt} and all attempts together at most {@code budget}, so
     * the answer arrives before the API gateway gives up.
     */
    public static RequestPolicy interactive(ConnectionSettings settings, Duration maxAttempt, Duration budget) {
        RequestPolicy policy = of(settings);
        Duration timeout = policy.timeout().compareTo(maxAttempt) > 0 ? maxAttempt : policy.timeout();
        return policy.withTimeout(timeout).withTotalBudget(budget);
    }

    static RetryPolicy retry(dev.agentauth.domain.connection.RetryPolicy configured) {
        int attempts = Math.clamp(configured.maxAttempts(), 1, 10);
        Duration initial = Duration.ofMillis(Math.max(0, configured.initialDelayMs()));
        Duration max = Duration.ofMillis(Math.max(configured.maxDelayMs(), initial.toMillis()));
        Set<Integer> retryOn = new HashSet<>(configured.retryOn());
        return new RetryPolicy(attempts, initial, max, retryOn, false);
    }
}
