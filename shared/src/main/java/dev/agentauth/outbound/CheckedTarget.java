package dev.agentauth.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A target that passed the guard: the normalised host the user asked for and the checked
 * address the connection must go to. {@link #pinnedUri()} names that address literally, so
 * the HTTP client performs no lookup of its own; {@link #hostHeader()} and {@link #tlsName()}
 * keep virtual hosting and certificate checks about the original host.
 */
record CheckedTarget(URI uri, String scheme, String host, int port, boolean hostIsLiteral, InetAddress address,
                     List<InetAddress> checkedAddresses) {

    /** scheme, host and port: where headers and bodies may be sent again after a redirect. */
    String origin() {
        return scheme + "://" + host + ":" + port;
    }

    URI pinnedUri() {
        String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(scheme + "://" + literal + ":" + port + path + query);
    }

    String hostHeader() {
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** The name to send as SNI and verify the certificate against; empty for IP-literal hosts. */
    Optional<String> tlsName() {
        return "https".equals(scheme) && !hostIsLiteral ? Optional.of(host) : Optional.empty();
    }
}
