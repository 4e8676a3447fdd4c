package dev.agentauth.application.outbound;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One request to a provider. Headers and body may hold credentials (an Authorization header, a
 * client secret in a form body, an API key in the query), so {@link #toString()} shows only the
 * method, origin, path and sizes, and the client never carries headers or body to another origin.
 */
public final class ProviderRequest {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;

    private ProviderRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(this.method).matches()) throw new IllegalArgumentException("invalid method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = headers;
        this.body = body == null ? new byte[0] : body.clone();
    }

    public static ProviderRequest of(String method, URI uri) {
        return new ProviderRequest(method, uri, Collections.unmodifiableMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER)), null);
    }

    public static ProviderRequest get(URI uri) {
        return of("GET", uri);
    }

    /** A POST with an {@code application/x-www-form-urlencoded} body (token endpoints). */
    public static ProviderRequest postForm(URI uri, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return of("POST", uri)
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody(encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds or replaces a header (names compare case-insensitively). */
    public ProviderRequest withHeader(String name, String value) {
        requireValidHeader(name, value);
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, value);
        return new ProviderRequest(method, uri, Collections.unmodifiableMap(copy), body);
    }

    public ProviderRequest withBody(byte[] value) {
        return new ProviderRequest(method, uri, headers, value);
    }

    public ProviderRequest withUri(URI value) {
        return new ProviderRequest(method, value, headers, body);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** Case-insensitive, unmodifiable. */
    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** Safe to send twice: retries of other methods need the policy's explicit consent. */
    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }

    /** Rejects header names that are not RFC 9110 tokens and values with control characters (header injection). */
    public static void requireValidHeader(String name, String value) {
        if (name == null || !TOKEN.matcher(name).matches()) throw new IllegalArgumentException("invalid header name");
        if (value == null) throw new IllegalArgumentException("header " + name + " has no value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("header " + name + " has an invalid character");
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderRequest that && method.equals(that.method) && uri.equals(that.uri)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body));
    }

    /** Never shows header values, the query string or the body: they may carry credentials. */
    @Override
    public String toString() {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return method + " " + origin + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?…") + " (" + headers.size() + " headers, " + body.length + " body bytes)";
    }
}
