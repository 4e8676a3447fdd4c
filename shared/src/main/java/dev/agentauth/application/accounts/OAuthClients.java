package dev.agentauth.application.accounts;

import java.util.Optional;

/** Port: the OAuth view of a tenant's connections, and their client secrets for token calls. */
public interface OAuthClients {

    /** Empty when the connection does not exist for this tenant or is not an OAuth connection. */
    Optional<OAuthClient> find(String tenantId, String connectionId);

    /** The client secret, read for one token call; never logged or returned. */
    String clientSecret(OAuthClient client);
}
