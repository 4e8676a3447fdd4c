package dev.agentauth.local.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * Providers to connect to offline: an OAuth 2.0 authorization server that requires PKCE
 * (mock-oauth2-server: any client id/secret, issues codes without a login page) and an API-key
 * service (WireMock) that answers {@code GET /v1/me} for the sandbox key, plus fault routes
 * ({@code /faults/429}, {@code /faults/500}, {@code /faults/slow}) for trying retry policies.
 */
public final class SandboxProviders implements AutoCloseable {

    /** The key the API-key sandbox accepts (as {@code Authorization: Bearer} or {@code X-API-Key}). */
    public static final String API_KEY = "sk-sandbox-0123456789abcdef";
    /** The issuer id used in the OAuth sandbox's URLs. */
    public static final String OAUTH_ISSUER_ID = "sandbox";

    private final MockOAuth2Server oauth;
    private final WireMockServer apiKey;

    private SandboxProviders(MockOAuth2Server oauth, WireMockServer apiKey) {
        this.oauth = oauth;
        this.apiKey = apiKey;
    }

    public static SandboxProviders start() {
        MockOAuth2Server oauth = new MockOAuth2Server(new OAuth2Config(), new PkceRequired());
        try {
            oauth.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        WireMockServer apiKey = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal().globalTemplating(false));
        apiKey.start();
        stubApiKeyService(apiKey);
        return new SandboxProviders(oauth, apiKey);
    }

    private static void stubApiKeyService(WireMockServer server) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_api_key\"}")));
        String me = "{\"id\":\"user_sandbox\",\"name\":\"Sandbox User\",\"plan\":\"free\"}";
        server.stubFor(get(urlPathEqualTo("/v1/me")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(me)));
        server.stubFor(get(urlPathEqualTo("/v1/me")).atPriority(1)
                .withHeader("X-API-Key", equalTo(API_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(me)));
        server.stubFor(any(urlPathEqualTo("/faults/429")).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"rate_limited\"}")));
        server.stubFor(any(urlPathEqualTo("/faults/500")).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"server_error\"}")));
        server.stubFor(any(urlPathEqualTo("/faults/slow")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5_000).withHeader("Content-Type", "application/json").withBody("{\"slow\":true}")));
    }

    /** Issuer URL of the OAuth sandbox; its discovery document is at {@code /.well-known/openid-configuration}. */
    public URI oauthIssuer() {
        return oauth.issuerUrl(OAUTH_ISSUER_ID).uri();
    }

    public URI oauthAuthorizationUrl() {
        return oauth.authorizationEndpointUrl(OAUTH_ISSUER_ID).uri();
    }

    public URI oauthTokenUrl() {
        return oauth.tokenEndpointUrl(OAUTH_ISSUER_ID).uri();
    }

    public URI oauthUserInfoUrl() {
        return oauth.userInfoUrl(OAUTH_ISSUER_ID).uri();
    }

    /** Base URL of the API-key sandbox. */
    public URI apiKeyBaseUrl() {
        return URI.create(apiKey.baseUrl());
    }

    public MockOAuth2Server oauthServer() {
        return oauth;
    }

    public WireMockServer apiKeyServer() {
        return apiKey;
    }

    @Override
    public void close() {
        apiKey.stop();
        oauth.shutdown();
    }
}
