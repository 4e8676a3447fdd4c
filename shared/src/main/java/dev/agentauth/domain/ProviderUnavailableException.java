package dev.agentauth.domain;

import java.time.Duration;

/**
 * A provider (or a refresh in progress elsewhere) cannot give an answer now; the caller may
 * retry after {@link #retryAfter()}. Says which step failed, never what the provider returned.
 */
public final class ProviderUnavailableException extends DomainException {
    private final Duration retryAfter;

    public ProviderUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
