package dev.agentauth.application.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.json.Json;
import dev.agentauth.outbound.CountingListener;
import dev.agentauth.outbound.ProviderHttpFixture;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection test against mock-oauth2-server and WireMock (both on loopback, callable only
 * through ports the test allows): each failure cause gives its own reason and the status follows.
 */
class TestConnectionTest {

    private static final String SECRET = "marker-secret-9b1f0c";
    private static final String KEY = "marker-apikey-77aa31";
    private static final Caller CALLER = new Caller(ConnectionFixtures.TENANT, "alice", Set.of("connections:test"));
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private WireMockServer provider;
    private WireMockServer elsewhere;
    private MockOAuth2Server idp;
    private CountingListener internal;
    private InMemoryPorts.Connections connections;
    private InMemoryPorts.Credentials credentials;
    private InMemoryPorts.Audit audit;
    private InMemoryPorts.Events events;
    private InMemoryPorts.Catalog catalog;
    private TestConnection useCase;

    @BeforeEach
    void start() throws Exception {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        elsewhere.start();
        idp = new MockOAuth2Server(new ClientAuthenticatingRoute(java.util.Map.of("client-1", SECRET)));
        idp.start(InetAddress.getByName("127.0.0.1"), 0);
        internal = new CountingListener();
        connections = new InMemoryPorts.Connections();
        credentials = new InMemoryPorts.Credentials();
        audit = new InMemoryPorts.Audit();
        events = new InMemoryPorts.Events();
        catalog = new InMemoryPorts.Catalog();
        catalog.templates.put("mockidp", ConnectionFixtures.oauthTemplate("mockidp", true, List.of("read", "write", "admin")));
        catalog.templates.put("codeidp", ConnectionFixtures.oauthTemplate("codeidp", false, List.of("read", "write", "admin")));
        catalog.templates.put("keyapi", ConnectionFixtures.keyTemplate());
        var http = ProviderHttpFixture.builder()
                .allowLoopbackPort(provider.port()).allowLoopbackPort(elsewhere.port()).allowLoopbackPort(idp.baseUrl().port())
                .resolve("provider.test", "127.0.0.1").resolve("elsewhere.test", "127.0.0.1")
                .build();
        useCase = new TestConnection(connections.port, credentials.port, catalog, http, audit, events, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertEquals(0, internal.unexpectedConnections(), "connections that reached the internal listener");
        } finally {
            provider.stop();
            elsewhere.stop();
            idp.shutdown();
            internal.close();
        }
    }

    private String at(String path) {
        return "http://provider.test:" + provider.port() + path;
    }

    private Connection stored(Connection connection, String secret) {
        connections.put(connection);
        credentials.put(connection.tenantId(), connection.id(), "v1", secret);
        return connection;
    }

    private ConnectionTestReport run(Connection connection) {
        return useCase.test(CALLER, connection.id(), "req-1");
    }

    private static CheckResult check(ConnectionTestReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void assertFailed(ConnectionTestReport report, Connection connection, String check, FailureCause cause) {
        assertFalse(report.passed());
        assertEquals(ConnectionStatus.ERROR, report.status());
        CheckResult failed = check(report, check);
        assertEquals(CheckResult.Outcome.FAILED, failed.outcome());
        assertEquals(cause, failed.cause().orElseThrow());
        Connection after = connections.get(connection);
        assertEquals(ConnectionStatus.ERROR, after.status());
        assertTrue(after.statusReason().startsWith(cause.words() + ": "), after.statusReason());
        assertEquals("failed", after.lastTest().outcome());
    }

    // --- OAuth 2.0 with the client credentials grant: mock-oauth2-server

    private Connection idpConnection(String id) {
        return ConnectionFixtures.oauth(id, "mockidp", idp.authorizationEndpointUrl("default").toString(),
                idp.tokenEndpointUrl("default").toString(), List.of("read", "write"), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void activatesAnOAuthConnectionWhoseClientTheProviderAccepts() throws Exception {
        Connection connection = stored(idpConnection("conn_valid"), SECRET);

        ConnectionTestReport report = run(connection);

        assertTrue(report.passed(), () -> report.toJson().toString());
        assertEquals(ConnectionStatus.ACTIVE, report.status());
        assertEquals(List.of("endpoint_urls", "scopes", "authorization_endpoint", "client_credentials"),
                report.checks().stream().map(CheckResult::name).toList());
        Connection after = connections.get(connection);
        assertEquals(ConnectionStatus.ACTIVE, after.status());
        assertEquals(null, after.statusReason());
        assertEquals("passed", after.lastTest().outcome());
        assertEquals(List.of(ConnectionStatus.TESTING, ConnectionStatus.ACTIVE),
                connections.changes.stream().map(c -> c.status()).toList());
        // the client authenticated with HTTP Basic, as configured
        idp.takeRequest(); // authorization endpoint
        String authorization = idp.takeRequest().getHeader("Authorization");
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("client-1:" + SECRET).getBytes()), authorization);
        assertEquals(List.of("credential.read", "connection.test"), audit.records.stream().map(r -> r.action()).toList());
        assertEquals("passed", audit.records.getLast().outcome());
        DomainEvent event = events.published.getFirst();
        assertEquals(DomainEvent.CONNECTION_TESTED, event.detailType());
        assertEquals("active", event.detail().get("status"));
    }

    @Test
    void reportsInvalidCredentialsWhenTheProviderRejectsTheClient() {
        Connection connection = stored(idpConnection("conn_badclient"), "not-the-registered-secret");

        ConnectionTestReport report = run(connection);

        assertFailed(report, connection, "client_credentials", FailureCause.INVALID_CREDENTIALS);
        assertFalse(Json.write(report.toJson()).contains(SECRET), "provider text is never echoed");
    }

    // --- OAuth 2.0 without client credentials: the deliberately invalid code, against WireMock

    private Connection codeConnection(String id, List<String> scopes, TokenEndpointAuthMethod method) {
        provider.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(302).withHeader("Location", "/login")));
        return ConnectionFixtures.oauth(id, "codeidp", at("/authorize"), at("/token"), scopes, method);
    }

    @Test
    void passesWhenTheTokenEndpointRejectsOnlyTheInvalidCode() {
        Connection connection = stored(codeConnection("conn_code", List.of("read"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\"}")));

        ConnectionTestReport report = run(connection);

        assertTrue(report.passed(), () -> report.toJson().toString());
        provider.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("client_secret=" + SECRET))
                .withHeader("Authorization", absent()));
    }

    @Test
    void reportsInvalidCredentialsForInvalidClientOnTheCodeExchange() {
        Connection connection = stored(codeConnection("conn_code_bad", List.of("read"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\"}")));

        assertFailed(run(connection), connection, "client_credentials", FailureCause.INVALID_CREDENTIALS);
    }

    @Test
    void reportsAnIncorrectTokenUrlOn404() {
        Connection connection = stored(codeConnection("conn_code_404", List.of("read"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(404)));

        assertFailed(run(connection), connection, "client_credentials", FailureCause.INCORRECT_ENDPOINT_URL);
    }

    @Test
    void reportsRateLimitingWithTheProvidersRetryAfter() {
        Connection connection = stored(codeConnection("conn_code_429", List.of("read"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ConnectionTestReport report = run(connection);

        assertFailed(report, connection, "client_credentials", FailureCause.RATE_LIMITED);
        assertTrue(check(report, "client_credentials").detail().contains("retry after 120 s"));
    }

    @Test
    void reportsScopesTheTemplateDoesNotKnowOrForbidsTogether() {
        Connection unknown = stored(codeConnection("conn_scopes", List.of("read", "delete_everything"),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

        ConnectionTestReport report = run(unknown);

        assertFailed(report, unknown, "scopes", FailureCause.INCORRECT_SCOPES);
        assertTrue(check(report, "scopes").detail().contains("delete_everything"));
        Connection forbidden = stored(codeConnection("conn_forbidden", List.of("read", "admin"),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        assertFailed(run(forbidden), forbidden, "scopes", FailureCause.INCORRECT_SCOPES);
    }

    @Test
    void reportsScopesTheProviderDidNotGrant() {
        Connection connection = stored(ConnectionFixtures.oauth("conn_granted", "mockidp", at("/authorize"), at("/token"),
                List.of("read", "write"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);
        provider.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)));
        provider.stubFor(post("/token").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"scope\":\"read\"}")));

        ConnectionTestReport report = run(connection);

        assertFailed(report, connection, "client_credentials", FailureCause.INCORRECT_SCOPES);
        assertTrue(check(report, "client_credentials").detail().contains("write"));
        assertFalse(Json.write(report.toJson()).contains("at-1"), "the token is never shown");
    }

    @Test
    void refusesATokenUrlOnAPrivateAddressWithoutSendingTheSecret() {
        Connection connection = stored(ConnectionFixtures.oauth("conn_private", "codeidp", at("/authorize"),
                "https://10.0.0.7/token", List.of("read"), TokenEndpointAuthMethod.CLIENT_SECRET_POST), SECRET);

        ConnectionTestReport report = run(connection);

        assertFailed(report, connection, "endpoint_urls", FailureCause.TARGET_NOT_ALLOWED);
        assertEquals(CheckResult.Outcome.SKIPPED, check(report, "client_credentials").outcome());
    }

    @Test
    void reportsAnUnreachableProviderWhenNothingListens() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        var http = ProviderHttpFixture.builder().allowLoopbackPort(closed).build();
        TestConnection closedUseCase = new TestConnection(connections.port, credentials.port, catalog, http, audit, events, Clock.systemUTC());
        Connection connection = stored(ConnectionFixtures.apiKey("conn_closed", "http://127.0.0.1:" + closed, KeyPlacement.HEADER,
                "Authorization", "Bearer "), KEY);

        ConnectionTestReport report = closedUseCase.test(CALLER, connection.id(), "req-2");

        assertFailed(report, connection, "api_key", FailureCause.PROVIDER_UNREACHABLE);
    }

    // --- API keys, against WireMock

    private Connection keyConnection(String id, KeyPlacement placement) {
        String name = placement == KeyPlacement.HEADER ? "Authorization" : "api_key";
        String prefix = placement == KeyPlacement.HEADER ? "Bearer " : "";
        return stored(ConnectionFixtures.apiKey(id, at(""), placement, name, prefix), KEY);
    }

    @Test
    void activatesAnApiKeyConnectionWithTheKeyInAHeader() {
        Connection connection = keyConnection("conn_key", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(200).withBody("{\"id\":\"me\"}")));

        ConnectionTestReport report = run(connection);

        assertTrue(report.passed(), () -> report.toJson().toString());
        assertEquals(ConnectionStatus.ACTIVE, connections.get(connection).status());
        provider.verify(getRequestedFor(urlPathEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("User-Agent", equalTo("agentauth-test/1.0")));
    }

    @Test
    void placesTheKeyInTheQueryWhenConfigured() {
        Connection connection = keyConnection("conn_query", KeyPlacement.QUERY);
        provider.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(200)));

        assertTrue(run(connection).passed());
        provider.verify(getRequestedFor(urlPathEqualTo("/v1/me")).withQueryParam("api_key", equalTo(KEY))
                .withHeader("Authorization", absent()));
    }

    @Test
    void reportsInvalidCredentialsOn401And403() {
        Connection unauthorized = keyConnection("conn_401", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(401).withBody("bad key " + KEY)));
        ConnectionTestReport report = run(unauthorized);
        assertFailed(report, unauthorized, "api_key", FailureCause.INVALID_CREDENTIALS);
        assertFalse(Json.write(report.toJson()).contains(KEY));

        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(403)));
        Connection forbidden = keyConnection("conn_403", KeyPlacement.HEADER);
        assertFailed(run(forbidden), forbidden, "api_key", FailureCause.INVALID_CREDENTIALS);
    }

    @Test
    void reportsAnIncorrectEndpointUrlOn404() {
        Connection connection = keyConnection("conn_404", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(404)));

        assertFailed(run(connection), connection, "api_key", FailureCause.INCORRECT_ENDPOINT_URL);
    }

    @Test
    void reportsRateLimitingOn429WithRetryAfter() {
        Connection connection = keyConnection("conn_429", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "90")));

        ConnectionTestReport report = run(connection);

        assertFailed(report, connection, "api_key", FailureCause.RATE_LIMITED);
        assertTrue(check(report, "api_key").detail().contains("retry after 90 s"));
        provider.verify(1, getRequestedFor(urlPathEqualTo("/v1/me")));
    }

    @Test
    void retriesAServerErrorAndPassesWhenTheProviderRecovers() {
        Connection connection = keyConnection("conn_500_200", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        provider.stubFor(get("/v1/me").inScenario("flaky").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));

        assertTrue(run(connection).passed());
        provider.verify(2, getRequestedFor(urlPathEqualTo("/v1/me")));
    }

    @Test
    void reportsAProviderErrorWhenServerErrorsPersist() {
        Connection connection = keyConnection("conn_503", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(503)));

        assertFailed(run(connection), connection, "api_key", FailureCause.PROVIDER_ERROR);
    }

    @Test
    void reportsAnUnreachableProviderWhenItIsSlowerThanTheTimeout() {
        Connection slow = stored(ConnectionFixtures.apiKey("conn_slow", at(""), KeyPlacement.HEADER, "Authorization", "Bearer ")
                .toBuilder().settings(ConnectionFixtures.settings(1, 1)).build(), KEY);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        ConnectionTestReport report = run(slow);

        assertFailed(report, slow, "api_key", FailureCause.PROVIDER_UNREACHABLE);
        assertTrue(check(report, "api_key").detail().contains("did not answer within 1 s"));
    }

    @Test
    void refusesARedirectToAnInternalAddress() {
        Connection connection = keyConnection("conn_redirect", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + internal.port() + "/admin")));

        assertFailed(run(connection), connection, "api_key", FailureCause.TARGET_NOT_ALLOWED);
    }

    @Test
    void neverSendsTheKeyToAnotherHost() {
        Connection connection = keyConnection("conn_away", KeyPlacement.HEADER);
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://elsewhere.test:" + elsewhere.port() + "/v1/me")));
        elsewhere.stubFor(get("/v1/me").willReturn(aResponse().withStatus(401)));

        run(connection);

        elsewhere.verify(getRequestedFor(urlPathEqualTo("/v1/me")).withHeader("Authorization", absent()));
        assertTrue(elsewhere.getAllServeEvents().stream().noneMatch(e -> e.getRequest().getUrl().contains(KEY)));
    }

    @Test
    void reportsAnUnknownHostAsAnIncorrectEndpointUrl() {
        Connection connection = stored(ConnectionFixtures.apiKey("conn_nohost", "https://no-such-host.invalid", KeyPlacement.HEADER,
                "Authorization", "Bearer "), KEY);

        assertFailed(run(connection), connection, "endpoint_urls", FailureCause.INCORRECT_ENDPOINT_URL);
    }

    // --- lifecycle

    @Test
    void refusesASecondTestWhileOneRunsButRestartsAStaleOne() {
        Connection running = stored(ConnectionFixtures.apiKey("conn_busy", at(""), KeyPlacement.HEADER, "Authorization", "Bearer ")
                .toBuilder().status(ConnectionStatus.TESTING).updatedAt(NOW.minusSeconds(30)).build(), KEY);
        assertThrows(ConflictException.class, () -> run(running));

        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(200)));
        Connection stale = stored(running.toBuilder().id("conn_stale").updatedAt(NOW.minusSeconds(600)).build(), KEY);
        assertTrue(run(stale).passed());
    }

    @Test
    void hidesAnotherTenantsConnection() {
        Connection connection = keyConnection("conn_mine", KeyPlacement.HEADER);
        Caller stranger = new Caller("t2", "mallory", Set.of("connections:test"));

        assertThrows(NotFoundException.class, () -> useCase.test(stranger, connection.id(), "req-3"));
        assertTrue(connections.changes.isEmpty());
    }

    @Test
    void neverPutsACredentialIntoTheReportAuditOrEvents() {
        Connection connection = keyConnection("conn_marker", KeyPlacement.QUERY);
        provider.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(401).withBody(KEY)));

        ConnectionTestReport report = run(connection);

        String everything = Json.write(report.toJson()) + audit.records + events.published + connections.get(connection);
        assertFalse(everything.contains(KEY), everything);
    }
}
