package dev.agentauth.adapters.rotation;

import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data: stored OAuth connections with their client secret in the credential store. */
public final class ConnectionFixtures {

    private ConnectionFixtures() {}

    /** An active OAuth connection of {@code tenant} whose token endpoint is {@code providerBase}/token. */
    public static Connection activeOAuthConnection(ConnectionRepository connections, CredentialStore store, String tenant,
            SecretValue secret, String providerBase, Instant createdAt) {
        String id = "conn_" + UUID.randomUUID().toString().replace("-", "");
        String versionId = store.put(new CredentialRef(tenant, id), secret, UUID.randomUUID().toString());
        Connection connection = new Connection.Builder()
                .id(id).tenantId(tenant).name("fixture-" + id).description("").environment("prod").provider("custom")
                .authType(AuthType.OAUTH2).status(ConnectionStatus.ACTIVE).scopes(List.of("read"))
                .oauth(new OAuthConfig("client-1", CredentialSummary.of(secret, createdAt, versionId), "https://app.example.com/cb",
                        providerBase + "/authorize", providerBase + "/token", true, TokenEndpointAuthMethod.CLIENT_SECRET_POST, Map.of()))
                .settings(new ConnectionSettings(true, 3600, 300, TokenStorage.VAULT, 100, 5,
                        new RetryPolicy(1, 100, 1000, List.of()), ConnectionSettings.DEFAULT_USER_AGENT, Map.of()))
                .rotation(Rotation.DEFAULT).tags(Map.of()).allowedReturnUrls(List.of()).version(1)
                .createdAt(createdAt).updatedAt(createdAt).createdBy("owner-1").updatedBy("owner-1")
                .build();
        if (connections.create(connection, ConnectionVersion.of(connection, List.of("created")))
                != ConnectionRepository.CreateResult.CREATED) {
            throw new IllegalStateException("fixture connection not created");
        }
        return connection;
    }
}
