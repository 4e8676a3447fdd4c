package dev.agentauth.application.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's final answer (after retries and redirects). The body is at most the policy's
 * size cap. It is provider text: parse what you need, never hand it raw to an API caller.
 *
 * @param uri      the URI that gave this answer (differs from the request's after redirects)
 * @param attempts how many attempts the retry policy made for the final hop
 */
public record ProviderResponse(int status, Map<String, List<String>> headers, byte[] body, URI uri, int attempts) {

    public ProviderResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /**
     * The wait a {@code Retry-After} header asks for (delta-seconds or an HTTP date relative to
     * the clock), never negative; empty when absent or unreadable.
     */
    public Optional<Duration> retryAfter(Clock clock) {
        return header("Retry-After").flatMap(value -> parseRetryAfter(value.trim(), clock));
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value.matches("\\d{1,10}")) return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderResponse that && status == that.status && attempts == that.attempts
                && headers.equals(that.headers) && java.util.Arrays.equals(body, that.body)
                && java.util.Objects.equals(uri, that.uri);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(status, headers, java.util.Arrays.hashCode(body), uri, attempts);
    }

    /** Never shows the body or the query string. */
    @Override
    public String toString() {
        return "ProviderResponse[status=" + status + ", bodyBytes=" + body.length + ", attempts=" + attempts + "]";
    }
}
