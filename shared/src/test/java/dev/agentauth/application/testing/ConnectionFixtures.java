package dev.agentauth.application.testing;

import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test-data builders for connections and templates. */
final class ConnectionFixtures {

    static final String TENANT = "t1";
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private ConnectionFixtures() {}

    static ConnectionSettings settings(int timeoutSeconds, int maxAttempts) {
        return new ConnectionSettings(true, 3600, 300, TokenStorage.VAULT, 100, timeoutSeconds,
                new RetryPolicy(maxAttempts, 10, 50, List.of(429, 500, 502, 503, 504)), "agentauth-test/1.0", Map.of());
    }

    static Connection.Builder base(String id, String provider, AuthType type) {
        return new Connection.Builder().id(id).tenantId(TENANT).name(id).environment("prod").provider(provider)
                .authType(type).status(ConnectionStatus.DRAFT).settings(settings(5, 3)).rotation(Rotation.DEFAULT)
                .version(1).createdAt(CREATED).updatedAt(CREATED).createdBy("u").updatedBy("u");
    }

    static Connection oauth(String id, String provider, String authorizationUrl, String tokenUrl, List<String> scopes,
                            TokenEndpointAuthMethod method) {
        OAuthConfig oauth = new OAuthConfig("client-1", new CredentialSummary(true, "cret", CREATED, "v1"),
                "https://app.example.com/callback", authorizationUrl, tokenUrl, true, method, Map.of());
        return base(id, provider, AuthType.OAUTH2).scopes(scopes).oauth(oauth).build();
    }

    static Connection apiKey(String id, String baseUrl, KeyPlacement placement, String name, String prefix) {
        ApiKeyConfig key = new ApiKeyConfig(new CredentialSummary(true, "-key", CREATED, "v1"), baseUrl, placement, name, prefix);
        return base(id, "keyapi", AuthType.API_KEY).apiKey(key).build();
    }

    static ProviderTemplate oauthTemplate(String key, boolean clientCredentials, List<String> scopes) {
        return new ProviderTemplate(key, key, List.of("oauth2"), List.of(),
                scopes.stream().map(s -> new ProviderTemplate.Scope(s, s, "read")).toList(),
                null, null, null, null, null, true, "client_secret_post", clientCredentials, Map.of(),
                List.of(List.of("read", "admin")), " ", null, null, Map.of());
    }

    static ProviderTemplate keyTemplate() {
        return new ProviderTemplate("keyapi", "Key API", List.of("api_key"), List.of(), List.of(), null, null, null, null,
                null, false, null, false, Map.of(), List.of(), " ", null, new ProviderTemplate.Verification("GET", "/v1/me", 200),
                Map.of());
    }
}
