package dev.agentauth.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.outbound.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded client against WireMock on loopback: retries, timeouts, size cap, headers, redirects. */
class JdkProviderHttpTest {

    private static final String SECRET = "Bearer s3cr3t-marker-7f1e";
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT_RETRY_ON, false);
    private static final RequestPolicy POLICY = RequestPolicy.defaults().withTimeout(Duration.ofSeconds(5)).withRetry(RETRY);

    private WireMockServer provider;
    private WireMockServer elsewhere;
    private FakePacer pacer;
    private ProviderHttp http;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        elsewhere.start();
        pacer = new FakePacer();
        http = ProviderHttpFixture.builder()
                .allowLoopbackPort(provider.port())
                .allowLoopbackPort(elsewhere.port())
                .resolve("provider.test", "127.0.0.1")
                .resolve("elsewhere.test", "127.0.0.1")
                .pacer(pacer)
                .build();
    }

    @AfterEach
    void stop() {
        provider.stop();
        elsewhere.stop();
    }

    private URI at(String path) {
        return URI.create("http://provider.test:" + provider.port() + path);
    }

    @Test
    void retriesAServerErrorThenReturnsTheSuccess() throws Exception {
        provider.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        provider.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        ProviderResponse response = http.send(ProviderRequest.get(at("/flaky")), POLICY);

        assertEquals(200, response.status());
        assertEquals("{\"ok\":true}", response.bodyText());
        assertEquals(2, response.attempts());
        assertEquals(1, pacer.sleeps().size());
        Duration wait = pacer.sleeps().getFirst();
        assertFalse(wait.isNegative());
        assertTrue(wait.compareTo(Duration.ofMillis(200)) <= 0, "full jitter stays under the first ceiling: " + wait);
    }

    @Test
    void givesUpAfterMaxAttemptsAndReturnsTheLastAnswer() throws Exception {
        provider.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

        ProviderResponse response = http.send(ProviderRequest.get(at("/down")), POLICY);

        assertEquals(503, response.status());
        assertEquals(3, response.attempts());
        provider.verify(3, getRequestedFor(urlPathEqualTo("/down")));
        assertTrue(pacer.sleeps().get(1).compareTo(Duration.ofMillis(400)) <= 0, "second ceiling doubles the first");
    }

    @Test
    void honoursRetryAfterSecondsWithinTheCap() throws Exception {
        provider.stubFor(get("/limited").inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("open"));
        provider.stubFor(get("/limited").inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200)));

        ProviderResponse response = http.send(ProviderRequest.get(at("/limited")), POLICY);

        assertEquals(200, response.status());
        assertEquals(java.util.List.of(Duration.ofSeconds(2)), pacer.sleeps());
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ProviderHttp dated = ProviderHttpFixture.builder().allowLoopbackPort(provider.port())
                .resolve("provider.test", "127.0.0.1").pacer(pacer).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atZone(ZoneOffset.UTC));
        provider.stubFor(get("/dated").inScenario("dated").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)).willSetStateTo("open"));
        provider.stubFor(get("/dated").inScenario("dated").whenScenarioStateIs("open").willReturn(aResponse().withStatus(204)));

        assertEquals(204, dated.send(ProviderRequest.get(at("/dated")), POLICY).status());
        assertEquals(java.util.List.of(Duration.ofSeconds(3)), pacer.sleeps());
    }

    @Test
    void returnsTheRateLimitWhenRetryAfterExceedsTheCap() throws Exception {
        provider.stubFor(get("/slow-down").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ProviderResponse response = http.send(ProviderRequest.get(at("/slow-down")), POLICY);

        assertEquals(429, response.status());
        assertEquals(Duration.ofSeconds(120), response.retryAfter(Clock.systemUTC()).orElseThrow());
        provider.verify(1, getRequestedFor(urlPathEqualTo("/slow-down")));
        assertTrue(pacer.sleeps().isEmpty());
    }

    @Test
    void doesNotRetryAPostUnlessThePolicySays() throws Exception {
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(500)));
        ProviderRequest request = ProviderRequest.postForm(at("/token"), Map.of("grant_type", "client_credentials"));

        assertEquals(500, http.send(request, POLICY).status());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/token")));

        assertEquals(500, http.send(request, POLICY.withRetry(RETRY.withRetryNonIdempotent(true))).status());
        provider.verify(1 + 3, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void timesOutASlowProviderAndRetriesIdempotentRequestsOnly() {
        provider.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        provider.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        RequestPolicy quick = POLICY.withTimeout(Duration.ofMillis(300)).withRetry(RETRY.withMaxAttempts(2));

        OutboundFailure get = assertThrows(OutboundFailure.class, () -> http.send(ProviderRequest.get(at("/slow")), quick));
        OutboundFailure post = assertThrows(OutboundFailure.class,
                () -> http.send(ProviderRequest.of("POST", at("/slow")), quick));

        assertEquals(Kind.TIMEOUT, get.kind());
        assertEquals(Kind.TIMEOUT, post.kind());
        provider.verify(2, getRequestedFor(urlPathEqualTo("/slow")));
        provider.verify(1, postRequestedFor(urlPathEqualTo("/slow")));
    }

    @Test
    void retriesARefusedConnectionEvenForPostBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ProviderHttp toClosed = ProviderHttpFixture.builder().allowLoopbackPort(closedPort).pacer(pacer).build();

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> toClosed.send(
                ProviderRequest.of("POST", URI.create("http://127.0.0.1:" + closedPort + "/")), POLICY));

        assertEquals(Kind.UNREACHABLE, failure.kind());
        assertEquals(2, pacer.sleeps().size(), "three attempts, two waits");
    }

    @Test
    void abortsABodyLargerThanTheCap() {
        provider.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody(new byte[2 * 1024 * 1024])));

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(ProviderRequest.get(at("/huge")), POLICY));

        assertEquals(Kind.RESPONSE_TOO_LARGE, failure.kind());
        provider.verify(1, getRequestedFor(urlPathEqualTo("/huge")));
    }

    @Test
    void acceptsAHeadAnswerAnnouncingALargeBody() throws Exception {
        provider.stubFor(com.github.tomakehurst.wiremock.client.WireMock.head(urlPathEqualTo("/file"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Length", Long.toString(50L * 1024 * 1024))));

        ProviderResponse response = http.send(ProviderRequest.of("HEAD", at("/file")), POLICY);

        assertEquals(200, response.status());
        assertEquals(0, response.body().length);
    }

    @Test
    void abortsAnEndlessChunkedBodyWhileItStreams() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> streamForever(server));
            ProviderHttp toStream = ProviderHttpFixture.builder().allowLoopbackPort(server.getLocalPort()).pacer(pacer).build();
            RequestPolicy small = POLICY.withMaxResponseBytes(64 * 1024).withTimeout(Duration.ofSeconds(20));

            OutboundFailure failure = assertThrows(OutboundFailure.class, () -> toStream.send(
                    ProviderRequest.get(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/stream")), small));

            assertEquals(Kind.RESPONSE_TOO_LARGE, failure.kind());
        }
    }

    private static void streamForever(ServerSocket server) {
        try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
            socket.getInputStream().read(new byte[4096]);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000; i++) {
                out.write(header);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException expected) {
            // the client aborted the body: that is the point
        }
    }

    @Test
    void sendsTheConfiguredHostUserAgentAndBaseHeadersToThePinnedAddress() throws Exception {
        provider.stubFor(get("/me").willReturn(aResponse().withStatus(200)));
        RequestPolicy policy = POLICY.withUserAgent("acme-agent/2.0").withBaseHeaders(Map.of("X-Api-Version", "2024-01"));

        http.send(ProviderRequest.get(at("/me?x=1")).withHeader("Authorization", SECRET), policy);

        provider.verify(getRequestedFor(urlPathEqualTo("/me"))
                .withHeader("Host", equalTo("provider.test:" + provider.port()))
                .withHeader("User-Agent", equalTo("acme-agent/2.0"))
                .withHeader("X-Api-Version", equalTo("2024-01"))
                .withHeader("Authorization", equalTo(SECRET)));
    }

    @Test
    void keepsCredentialsOnSameOriginRedirects() throws Exception {
        provider.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        provider.stubFor(get("/new").willReturn(aResponse().withStatus(200)));

        ProviderResponse response = http.send(ProviderRequest.get(at("/old")).withHeader("Authorization", SECRET), POLICY);

        assertEquals(200, response.status());
        assertEquals("/new", response.uri().getPath());
        provider.verify(getRequestedFor(urlPathEqualTo("/new")).withHeader("Authorization", equalTo(SECRET)));
    }

    @Test
    void neverForwardsCredentialsToAnotherHost() throws Exception {
        provider.stubFor(get("/away").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://elsewhere.test:" + elsewhere.port() + "/landing")));
        elsewhere.stubFor(get("/landing").willReturn(aResponse().withStatus(200)));
        RequestPolicy policy = POLICY.withBaseHeaders(Map.of("X-Api-Key", "base-secret"));

        ProviderResponse response = http.send(ProviderRequest.get(at("/away")).withHeader("Authorization", SECRET), policy);

        assertEquals(200, response.status());
        elsewhere.verify(getRequestedFor(urlPathEqualTo("/landing"))
                .withHeader("Authorization", absent()).withHeader("X-Api-Key", absent()));
    }

    @Test
    void refusesToCarryABodyToAnotherHost() {
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://elsewhere.test:" + elsewhere.port() + "/steal")));
        ProviderRequest request = ProviderRequest.postForm(at("/token"), Map.of("client_secret", "form-secret"));

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(request, POLICY));

        assertEquals(Kind.REDIRECT_NOT_ALLOWED, failure.kind());
        assertEquals(0, elsewhere.getAllServeEvents().size());
    }

    @Test
    void turnsAPostIntoAGetOnSeeOther() throws Exception {
        provider.stubFor(post("/submit").willReturn(aResponse().withStatus(303).withHeader("Location", "/result")));
        provider.stubFor(get("/result").willReturn(aResponse().withStatus(200)));

        ProviderResponse response = http.send(ProviderRequest.postForm(at("/submit"), Map.of("a", "b")), POLICY);

        assertEquals(200, response.status());
        provider.verify(getRequestedFor(urlPathEqualTo("/result")).withHeader("Content-Type", absent()));
    }

    @Test
    void stopsAfterFiveRedirects() {
        provider.stubFor(get(urlPathEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(ProviderRequest.get(at("/loop")), POLICY));

        assertEquals(Kind.TOO_MANY_REDIRECTS, failure.kind());
        provider.verify(6, getRequestedFor(urlPathEqualTo("/loop")));
    }

    @Test
    void returnsTheRedirectItselfWhenThePolicyFollowsNone() throws Exception {
        provider.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/there")));

        ProviderResponse response = http.send(ProviderRequest.get(at("/moved")), POLICY.withMaxRedirects(0));

        assertEquals(302, response.status());
    }

    @Test
    void reportsAnUnknownHost() {
        OutboundFailure failure = assertThrows(OutboundFailure.class,
                () -> http.send(ProviderRequest.get(URI.create("https://no-such-host.invalid/")), POLICY));

        assertEquals(Kind.UNKNOWN_HOST, failure.kind());
    }

    @Test
    void failureDetailsAndRequestDescriptionsNeverContainCredentials() {
        provider.stubFor(get(urlPathEqualTo("/huge")).willReturn(aResponse().withStatus(200).withBody(new byte[2 * 1024 * 1024])));
        ProviderRequest request = ProviderRequest.get(at("/huge?api_key=query-secret")).withHeader("Authorization", SECRET);

        OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(request, POLICY));

        for (String text : Set.of(failure.getMessage(), failure.detail(), request.toString())) {
            assertFalse(text.contains("s3cr3t") || text.contains("query-secret"), text);
        }
    }
}
