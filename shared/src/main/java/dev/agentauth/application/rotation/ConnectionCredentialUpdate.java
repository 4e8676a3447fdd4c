package dev.agentauth.application.rotation;

import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;

/**
 * Points a connection at another credential version (a new version of the connection, in its
 * history), re-reading and re-applying when a concurrent edit moved the connection on.
 * Idempotent: a connection that already uses the version is left as it is.
 */
public final class ConnectionCredentialUpdate {

    private static final int ATTEMPTS = 5;

    private final ConnectionRepository connections;
    private final Clock clock;

    @Inject
    public ConnectionCredentialUpdate(ConnectionRepository connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    public Connection use(String tenantId, String connectionId, CredentialSummary summary, String actor) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Connection before = connections.find(tenantId, connectionId)
                    .orElseThrow(() -> new NotFoundException("no connection " + connectionId));
            CredentialSummary current = before.credential().orElse(null);
            if (current != null && Objects.equals(current.versionId(), summary.versionId())) return before;
            Instant now = clock.instant();
            Connection.Builder next = before.toBuilder().version(before.version() + 1).updatedAt(now).updatedBy(actor);
            String field;
            if (before.authType() == AuthType.OAUTH2) {
                next.oauth(before.oauth().withClientSecret(summary));
                field = "oauth.client_secret";
            } else {
                next.apiKey(before.apiKey().withKey(summary));
                field = "api_key.key";
            }
            Connection after = next.build();
            switch (connections.update(before, after, ConnectionVersion.of(after, List.of(field)))) {
                case UPDATED -> {
                    return after;
                }
                case STALE, NAME_TAKEN -> {
                    // someone edited the connection meanwhile: apply the credential to their version
                }
            }
        }
        throw new ConflictException("the connection " + connectionId + " keeps changing; try the rotation again");
    }
}
