package dev.agentauth.application.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a connection may name: absolute https URLs with a host, no user info and no
 * fragment. Plain http only to a loopback host, and only where private targets are allowed
 * (local development); the connection test re-checks resolved addresses before calling.
 */
final class UrlRule {

    static final int MAX_LENGTH = 2048;

    private final boolean allowPrivateTargets;

    UrlRule(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** The problem with {@code url}, or empty when it is acceptable. */
    Optional<String> problem(String url) {
        if (url.length() > MAX_LENGTH) return Optional.of("must be at most " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be a valid absolute URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) return Optional.of("must be a valid absolute URL");
        if (uri.getRawUserInfo() != null) return Optional.of("must not contain user information");
        if (uri.getRawFragment() != null) return Optional.of("must not contain a fragment");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) return Optional.empty();
        if (scheme.equals("http") && allowPrivateTargets && isLoopback(uri.getHost())) return Optional.empty();
        return Optional.of(allowPrivateTargets ? "must use https (http only to a loopback host)" : "must use https");
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
