package dev.agentauth.outbound;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SSRF guard (SECURITY.md 20–21). It parses a target strictly, resolves the host once,
 * checks every address it resolves to and returns the address to connect to.
 * <p>
 * Strict parsing refuses what resolvers read differently from humans: user info
 * ({@code https://good@evil}), numeric hosts other than a canonical dotted quad
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}, {@code 127.1}), IPv6 zone ids,
 * IPv4-mapped IPv6 literals, non-ASCII and percent-encoded hosts, trailing dots, and every
 * scheme but https and http.
 */
final class TargetGuard {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private final TargetPolicy policy;
    private final HostResolver resolver;

    TargetGuard(TargetPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    CheckedTarget check(URI uri) throws OutboundFailure {
        if (uri == null || !uri.isAbsolute()) throw malformed("is not an absolute URL");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundFailure(Kind.TARGET_NOT_ALLOWED, "the URL scheme " + printable(scheme) + " is not allowed; use https");
        }
        if (uri.isOpaque()) throw malformed("is not a hierarchical URL");
        if (uri.getRawUserInfo() != null) throw malformed("contains user information before the host");
        String rawHost = uri.getHost();
        if (rawHost == null || rawHost.isEmpty()) throw malformed("has no valid host");
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) throw malformed("has an invalid port");

        if (rawHost.startsWith("[")) return checkIpv6Literal(uri, scheme, rawHost, port);
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (DOTTED_QUAD.matcher(host).matches()) {
            InetAddress address = literal(host);
            return allowed(uri, scheme, host, port, true, List.of(address));
        }
        requireDnsName(host);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundFailure(Kind.UNKNOWN_HOST, "the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) throw new OutboundFailure(Kind.UNKNOWN_HOST, "the host " + host + " does not resolve");
        return allowed(uri, scheme, host, port, false, addresses);
    }

    private CheckedTarget checkIpv6Literal(URI uri, String scheme, String rawHost, int port) throws OutboundFailure {
        String inner = rawHost.substring(1, rawHost.length() - 1);
        if (inner.contains("%")) throw malformed("has an IPv6 zone id");
        if (!inner.contains(":") || !inner.matches("[0-9A-Fa-f:.]+")) throw malformed("has an invalid IPv6 address");
        InetAddress address = literal(inner);
        // Java turns ::ffff:a.b.c.d into an IPv4 address: an IPv6 literal that parses to IPv4 was mapped
        if (address instanceof Inet4Address) {
            throw new OutboundFailure(Kind.TARGET_NOT_ALLOWED,
                    "the host " + printable(rawHost) + " is " + AddressClass.IPV4_MAPPED.description() + ", which is not allowed");
        }
        String host = "[" + address.getHostAddress() + "]";
        return allowed(uri, scheme, host, port, true, List.of(address));
    }

    private CheckedTarget allowed(URI uri, String scheme, String host, int port, boolean literal, List<InetAddress> addresses)
            throws OutboundFailure {
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(scheme, address, port);
            if (refusal.isPresent()) {
                throw new OutboundFailure(Kind.TARGET_NOT_ALLOWED, "the host " + host + " " + refusal.get());
            }
        }
        return new CheckedTarget(uri, scheme, host, port, literal, addresses.getFirst(), List.copyOf(addresses));
    }

    private static void requireDnsName(String host) throws OutboundFailure {
        if (host.length() > 253 || host.endsWith(".")) throw malformed("has an invalid host name");
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) throw malformed("has an invalid host name");
        }
        // a numeric last label is an IP address in disguise (decimal, octal, hex or short form)
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            throw malformed("has a numeric host that is not a plain dotted IPv4 address");
        }
    }

    private static InetAddress literal(String text) throws OutboundFailure {
        try {
            return InetAddress.getByName(text); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw malformed("has an invalid IP address");
        }
    }

    private static OutboundFailure malformed(String problem) {
        return new OutboundFailure(Kind.MALFORMED_TARGET, "the URL " + problem);
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
