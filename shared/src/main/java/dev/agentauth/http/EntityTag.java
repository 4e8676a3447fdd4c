package dev.agentauth.http;

import java.util.Optional;

/**
 * ETags of versioned resources: the version number, quoted ({@code "3"}). {@code If-Match}
 * accepts the quoted, weak ({@code W/"3"}) or bare form; {@code *} matches any version.
 */
public final class EntityTag {

    private EntityTag() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version {@code If-Match} requires: empty when absent or {@code *}; an unparsable value
     * requires version -1, which no resource has, so it fails with 412 as RFC 9110 asks.
     */
    public static Optional<Long> ifMatch(ApiRequest request) {
        Optional<String> header = request.header("if-match").map(String::strip).filter(v -> !v.isEmpty());
        if (header.isEmpty() || header.get().equals("*")) return Optional.empty();
        String value = header.get();
        if (value.startsWith("W/")) value = value.substring(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }
}
