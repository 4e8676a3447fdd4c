package dev.agentauth.domain;

import java.time.Duration;

/** The caller should retry after the given delay. */
public final class RateLimitedException extends DomainException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
