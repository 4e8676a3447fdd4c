package dev.agentauth.outbound;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP clients that connect to checked addresses.
 * <p>
 * Pinning: requests name the checked IP address literally, so the client does no DNS lookup
 * and cannot be rebound. For https the certificate must still be checked against the host the
 * user configured: for an IP-literal URI the JDK client takes the SNI server name from the
 * client's {@link SSLParameters}, and its trust manager verifies the certificate against the
 * SNI name (HTTPS endpoint identification, which the JDK client always enables). Hence one
 * client per TLS host name, with that name as its SNI. Every client has redirects off (the
 * caller re-checks each hop), no proxy (a proxy would resolve names itself), HTTP/1.1 (the
 * Host header carries the configured name) and no cookie handler or authenticator.
 * <p>
 * Each client also has its own {@link SSLContext}: the JDK caches TLS sessions per context by
 * peer address and port, and resuming a session skips the certificate check, so a session
 * verified for one host name must never be resumed for another name pinned to the same address.
 */
final class PinnedClients {

    private static final int MAX_CLIENTS = 32;

    private final Supplier<SSLContext> sslContexts;
    private final HttpClient withoutTlsName;
    private final Map<String, HttpClient> byTlsName;

    /** @param sslContexts makes a new, independent TLS context on every call */
    PinnedClients(Supplier<SSLContext> sslContexts) {
        this.sslContexts = sslContexts;
        this.withoutTlsName = build(Optional.empty());
        this.byTlsName = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
                if (size() <= MAX_CLIENTS) return false;
                eldest.getValue().shutdown(); // in-flight exchanges finish; the client then frees its thread
                return true;
            }
        };
    }

    HttpClient forTarget(CheckedTarget target) {
        Optional<String> tlsName = target.tlsName();
        if (tlsName.isEmpty()) return withoutTlsName;
        synchronized (byTlsName) {
            return byTlsName.computeIfAbsent(tlsName.get(), name -> build(Optional.of(name)));
        }
    }

    private HttpClient build(Optional<String> tlsName) {
        SSLContext sslContext = sslContexts.get();
        SSLParameters parameters = sslContext.getDefaultSSLParameters();
        tlsName.ifPresent(name -> parameters.setServerNames(List.of(new SNIHostName(name))));
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .sslContext(sslContext)
                .sslParameters(parameters)
                .build();
    }

    /** New TLS contexts with the JVM's default trust store. */
    static Supplier<SSLContext> defaultTrust() {
        return trusting(null);
    }

    /** New TLS contexts trusting exactly these managers ({@code null}: the JVM's default trust store). */
    static Supplier<SSLContext> trusting(TrustManager[] trustManagers) {
        return () -> {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustManagers, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create a TLS context", e);
            }
        };
    }
}
