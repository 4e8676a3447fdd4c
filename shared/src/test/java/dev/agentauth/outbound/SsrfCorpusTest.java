package dev.agentauth.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.outbound.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSRF payloads with private targets disallowed (production): every one is refused before a
 * connection is made, and an internal listener on every local address receives zero
 * connections, whether the payload is the target itself or a redirect from an allowed provider.
 */
class SsrfCorpusTest {

    private static final Set<Kind> REFUSED = Set.of(Kind.TARGET_NOT_ALLOWED, Kind.MALFORMED_TARGET);
    private static final RequestPolicy POLICY = RequestPolicy.defaults()
            .withTimeout(Duration.ofSeconds(3)).withRetry(RetryPolicy.none());

    private static CountingListener internal;
    private static WireMockServer provider;
    private static ProviderHttp http;

    @BeforeAll
    static void start() throws Exception {
        internal = new CountingListener();
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        http = ProviderHttpFixture.builder()
                .allowLoopbackPort(provider.port()) // the provider only; never the internal listener
                .resolve("provider.test", "127.0.0.1")
                .resolve("app.localhost", "127.0.0.1")
                .resolve("internal.test", "10.0.0.5")
                .resolve("metadata.test", "169.254.169.254")
                .resolve("mixed.test", "93.184.216.34", "127.0.0.1")
                .resolve("ula.test", "fd12:3456::1")
                .resolve("mapped.test", "::ffff:127.0.0.1")
                .resolve("linklocal6.test", "fe80::1")
                .resolve("public.test", "93.184.216.34")
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertEquals(0, internal.unexpectedConnections(), "connections that reached the internal listener");
        } finally {
            provider.stop();
            internal.close();
        }
    }

    static Stream<String> directTargets() {
        return Stream.of(
                // loopback in every spelling
                "http://127.0.0.1:%d/", "https://127.0.0.1:%d/", "http://localhost:%d/", "https://localhost:%d/",
                "http://LOCALHOST:%d/", "http://app.localhost:%d/", "http://127.0.0.2:%d/", "http://127.255.255.254:%d/",
                "http://2130706433:%d/", "http://0x7f000001:%d/", "http://0x7f.1:%d/", "http://017700000001:%d/",
                "http://0177.0.0.1:%d/", "http://127.1:%d/", "http://127.0.1:%d/", "http://127.000.000.001:%d/",
                "http://0x7f.0x0.0x0.0x1:%d/", "http://127.0.0.1.:%d/", "http://localhost.:%d/", "http://2130706433.:%d/",
                "http://%%31%%32%%37.0.0.1:%d/", "http://0:%d/", "http://0.0.0.0:%d/", "https://0.0.0.0:%d/",
                // IPv6 forms
                "http://[::1]:%d/", "https://[::1]:%d/", "http://[::]:%d/", "http://[0000:0000:0000:0000:0000:0000:0000:0001]:%d/",
                "http://[::ffff:127.0.0.1]:%d/", "http://[0:0:0:0:0:ffff:7f00:1]:%d/", "http://[::ffff:7f00:1]:%d/",
                "http://[::127.0.0.1]:%d/", "http://[::1%%25lo]:%d/", "http://[fe80::1]:%d/", "http://[fc00::1]:%d/",
                "http://[fd00:ec2::254]:%d/", "http://[ff02::1]:%d/", "http://[2002:7f00:1::1]:%d/",
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:%d/", "http://[64:ff9b::7f00:1]:%d/",
                "http://[::ffff:a9fe:a9fe]:%d/", "http://[::ffff:10.0.0.1]:%d/",
                // metadata, private, CGNAT, special-purpose ranges
                "http://169.254.169.254:%d/latest/meta-data/", "https://metadata.test:%d/", "http://169.254.1.1:%d/",
                "http://10.0.0.1:%d/", "http://172.16.0.1:%d/", "http://172.31.255.255:%d/", "http://192.168.1.1:%d/",
                "http://100.64.0.1:%d/", "http://100.127.255.255:%d/", "http://198.18.0.1:%d/", "http://198.19.255.255:%d/",
                "http://240.0.0.1:%d/", "http://255.255.255.255:%d/", "http://224.0.0.1:%d/", "http://192.0.0.170:%d/",
                "http://192.0.2.1:%d/",
                // names that resolve to internal addresses (any one bad address refuses the host)
                "https://internal.test:%d/", "https://mixed.test:%d/", "https://ula.test:%d/", "https://mapped.test:%d/",
                "https://linklocal6.test:%d/",
                // user info and plain http to a public host
                "https://user@127.0.0.1:%d/", "https://public.test@127.0.0.1:%d/", "https://127.0.0.1:%d@public.test/",
                "http://public.test:%d/",
                // other schemes
                "file:///etc/passwd?%d", "file://localhost/etc/passwd?%d", "gopher://127.0.0.1:%d/_GET%%20/", "ftp://127.0.0.1:%d/",
                "jar:http://127.0.0.1:%d/x.jar!/", "dict://127.0.0.1:%d/info", "ldap://127.0.0.1:%d/", "ws://127.0.0.1:%d/",
                "wss://127.0.0.1:%d/", "netdoc:///etc/passwd?%d", "data:text/plain,%d", "javascript:alert(%d)",
                "HTTP://127.0.0.1:%d/", "hTTps://127.0.0.1:%d/");
    }

    static Stream<String> redirectTargets() {
        return Stream.of("http://127.0.0.1:%d/", "https://127.0.0.1:%d/", "http://localhost:%d/", "http://[::1]:%d/",
                "http://2130706433:%d/", "//127.0.0.1:%d/", "http://[::ffff:127.0.0.1]:%d/", "http://0.0.0.0:%d/",
                "http://169.254.169.254/latest/meta-data/?%d", "http://metadata.test:%d/", "http://internal.test:%d/",
                "file:///etc/passwd?%d", "gopher://127.0.0.1:%d/_x", "http://provider.test:%d/");
    }

    @ParameterizedTest
    @MethodSource("directTargets")
    void refusesInternalTargetWithoutConnecting(String template) {
        URI target = URI.create(template.formatted(internal.port()));
        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(ProviderRequest.get(target), POLICY));
        assertTrue(REFUSED.contains(failure.kind()), () -> target + " gave " + failure.kind());
        OutboundFailure verified = assertThrows(OutboundFailure.class, () -> http.verifyTarget(target));
        assertEquals(failure.kind(), verified.kind());
    }

    @ParameterizedTest
    @MethodSource("redirectTargets")
    void refusesRedirectToInternalTargetFromAnAllowedProvider(String template) {
        String location = template.formatted(internal.port());
        String path = "/redirect/" + Integer.toHexString(location.hashCode());
        provider.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", location)));
        URI first = URI.create("http://provider.test:" + provider.port() + path);

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(ProviderRequest.get(first), POLICY));

        assertTrue(REFUSED.contains(failure.kind()), () -> location + " gave " + failure.kind());
    }

    @Test
    void corpusHoldsAtLeastFiftyPayloads() {
        assertTrue(directTargets().count() + redirectTargets().count() >= 50);
    }

    @Test
    void internalListenerReceivedNoConnection() throws Exception {
        // also checked after all payloads in stop(); here it shows the listener counts correctly
        assertEquals(0, internal.unexpectedConnections());
    }
}
