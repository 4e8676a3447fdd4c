package dev.agentauth.application.accounts;

import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.time.Duration;
import java.util.Optional;
import javax.inject.Inject;

/** The OAuth view of a connection: its own configuration plus what only its provider template knows. */
public final class ConnectionOAuthClients implements OAuthClients {

    private final ConnectionRepository connections;
    private final ProviderCatalog catalog;

    @Inject
    public ConnectionOAuthClients(ConnectionRepository connections, ProviderCatalog catalog) {
        this.connections = connections;
        this.catalog = catalog;
    }

    @Override
    public Optional<OAuthClient> find(String tenantId, String connectionId) {
        return connections.find(tenantId, connectionId).flatMap(this::of);
    }

    @Override
    public Optional<OAuthClient> of(Connection connection) {
        return Optional.of(connection).filter(c -> c.authType() == AuthType.OAUTH2 && c.oauth() != null).map(this::toClient);
    }

    private OAuthClient toClient(Connection connection) {
        OAuthConfig oauth = connection.oauth();
        Optional<ProviderTemplate> template = catalog.find(connection.provider());
        ConnectionSettings settings = connection.settings();
        return new OAuthClient(
                connection.tenantId(),
                connection.id(),
                connection.isUsable(),
                oauth.clientId(),
                oauth.authorizationUrl(),
                oauth.tokenUrl(),
                template.map(ProviderTemplate::revocationUrl).orElse(null),
                oauth.redirectUri(),
                connection.scopes(),
                oauth.pkce(),
                oauth.tokenEndpointAuthMethod() == null ? null : oauth.tokenEndpointAuthMethod().wire(),
                oauth.extraAuthorizationParams(),
                template.map(ProviderTemplate::scopeSeparator).orElse(" "),
                connection.allowedReturnUrls(),
                settings == null ? null : Duration.ofSeconds(settings.refreshBuffer()),
                settings == null || settings.tokenExpiry() <= 0 ? null : Duration.ofSeconds(settings.tokenExpiry()),
                template.map(ProviderTemplate::issuer).orElse(null),
                settings == null || settings.tokenStorage() == null ? "vault" : settings.tokenStorage().wire(),
                // custom providers have no catalogue entry to say no: their owner decides
                template.map(t -> t.supportsClientCredentials() || t.isCustom()).orElse(false));
    }
}
