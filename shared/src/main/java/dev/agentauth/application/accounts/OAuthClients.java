package dev.agentauth.application.accounts;

import dev.agentauth.domain.connection.Connection;
import java.util.Optional;

/** Port: the OAuth view of a tenant's connections (no secrets: see {@link ClientSecrets}). */
public interface OAuthClients {

    /** Empty when the connection does not exist for this tenant or is not an OAuth connection. */
    Optional<OAuthClient> find(String tenantId, String connectionId);

    /** The OAuth view of a connection already read; empty when it is not an OAuth connection. */
    Optional<OAuthClient> of(Connection connection);
}
