package dev.agentauth.functions.accounts;

import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.Ids;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A test stack with the account handlers and a way to seed OAuth connections pointing at a test provider. */
final class AccountsFixture {

    static final String RETURN_TO = "https://app.example.com/done";
    static final String REDIRECT_URI = "https://api.example.com/v1/oauth/callback";
    static final String CLIENT_SECRET = "client-secret-marker-9Qa";

    final EmulatorResources stack;
    final Environment environment;
    private final SeedComponent seed;

    AccountsFixture(AwsEndpoint endpoint) {
        this.stack = EmulatorResources.create(endpoint);
        // the test providers listen on loopback
        this.environment = stack.env(Map.of("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true"));
        this.seed = SeedComponent.create(environment);
    }

    ConnectionRepository connections() {
        return seed.connections();
    }

    /** An active OAuth connection of {@code tenant} using the given provider endpoints. */
    Connection connection(String tenant, String provider, URI authorizationUrl, URI tokenUrl, ConnectionStatus status,
            TokenEndpointAuthMethod method) {
        return connection(tenant, provider, authorizationUrl, tokenUrl, status, method, TokenStorage.VAULT);
    }

    Connection connection(String tenant, String provider, URI authorizationUrl, URI tokenUrl, ConnectionStatus status,
            TokenEndpointAuthMethod method, TokenStorage storage) {
        Instant now = Instant.now();
        String id = Ids.newId(Connection.ID_PREFIX);
        SecretValue secret = new SecretValue(CLIENT_SECRET);
        String versionId = seed.credentials().put(new CredentialRef(tenant, id), secret, UUID.randomUUID().toString());
        Connection connection = new Connection.Builder()
                .id(id).tenantId(tenant).name("test-" + id).description("").environment("prod").provider(provider)
                .authType(AuthType.OAUTH2).status(status).scopes(List.of("openid", "read", "write"))
                .oauth(new OAuthConfig("client-1", CredentialSummary.of(secret, now, versionId), REDIRECT_URI,
                        authorizationUrl.toString(), tokenUrl.toString(), true, method, Map.of("access_type", "offline")))
                .settings(new ConnectionSettings(true, 3600, 300, storage, 100, 30, RetryPolicy.DEFAULT,
                        ConnectionSettings.DEFAULT_USER_AGENT, Map.of()))
                .rotation(Rotation.DEFAULT).tags(Map.of()).allowedReturnUrls(List.of(RETURN_TO))
                .version(1).createdAt(now).updatedAt(now).createdBy("test").updatedBy("test").build();
        ConnectionRepository.CreateResult result = seed.connections().create(connection, ConnectionVersion.of(connection, List.of("created")));
        if (result != ConnectionRepository.CreateResult.CREATED) throw new IllegalStateException("seeding failed: " + result);
        return connection;
    }

    Connection connection(String tenant, URI authorizationUrl, URI tokenUrl) {
        return connection(tenant, "custom", authorizationUrl, tokenUrl, ConnectionStatus.ACTIVE, TokenEndpointAuthMethod.CLIENT_SECRET_POST);
    }

    static HttpApiEventBuilder startRequest(String tenant, String connectionId, Object body) {
        return HttpApiEventBuilder.request("POST", "/v1/connections/" + connectionId + "/authorizations")
                .pathParameter("id", connectionId).tenant(tenant).body(body);
    }

    static HttpApiEventBuilder callbackRequest(Map<String, String> query) {
        HttpApiEventBuilder event = HttpApiEventBuilder.request("GET", "/v1/oauth/callback").anonymous();
        query.forEach(event::query);
        return event;
    }

    static HttpApiEventBuilder tokenRequest(String tenant, String accountId) {
        return HttpApiEventBuilder.request("POST", "/v1/accounts/" + accountId + "/token").pathParameter("id", accountId)
                .tenant(tenant).scopes("tokens:read");
    }

    /** Query parameters of a URL (decoded). */
    static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() == null) return out;
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static HandlerResponse invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, HttpApiEventBuilder event) {
        return HandlerResponse.invoke(handler, event);
    }
}
