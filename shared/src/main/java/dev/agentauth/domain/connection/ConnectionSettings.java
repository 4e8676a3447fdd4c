package dev.agentauth.domain.connection;

import java.util.Map;

/**
 * Token and request behaviour of a connection. {@code tokenExpiry}, {@code refreshBuffer} and
 * {@code timeout} are seconds; {@code rateLimit} is requests per minute through the connection.
 */
public record ConnectionSettings(
        boolean autoRefresh,
        int tokenExpiry,
        int refreshBuffer,
        TokenStorage tokenStorage,
        int rateLimit,
        int timeout,
        RetryPolicy retry,
        String userAgent,
        Map<String, String> baseHeaders) {

    public static final String DEFAULT_USER_AGENT = "agentauth/1.0";

    public ConnectionSettings {
        baseHeaders = baseHeaders == null ? Map.of() : Map.copyOf(baseHeaders);
    }
}
