package dev.agentauth.application.connections;

import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.PreconditionFailedException;
import dev.agentauth.domain.connection.Connection;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Deletes a connection: the item goes first (it disappears from every read at once), then its
 * secret is scheduled for deletion with the recovery window, then audit and event (which the
 * accounts side reacts to by revoking the connection's accounts).
 */
public final class DeleteConnection {

    private static final int ATTEMPTS = 3;

    private final ConnectionRepository connections;
    private final CredentialStore credentials;
    private final ConnectionJournal journal;

    @Inject
    public DeleteConnection(ConnectionRepository connections, CredentialStore credentials, ConnectionJournal journal) {
        this.connections = connections;
        this.credentials = credentials;
        this.journal = journal;
    }

    public void delete(Caller caller, String connectionId, Optional<Long> ifMatch, String requestId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Connection current = connections.find(caller.tenantId(), connectionId)
                    .orElseThrow(() -> GetConnection.notFound(connectionId));
            if (ifMatch.isPresent() && ifMatch.get() != current.version()) throw stale(current);
            if (connections.delete(current)) {
                credentials.scheduleDeletion(new CredentialRef(caller.tenantId(), connectionId));
                journal.deleted(current, caller, requestId);
                return;
            }
            if (ifMatch.isPresent()) throw stale(current);
            // changed between our read and our write: read again
        }
        throw new ConflictException("the connection kept changing while it was being deleted; try again");
    }

    private static PreconditionFailedException stale(Connection current) {
        return new PreconditionFailedException("If-Match does not match the connection's current version");
    }
}
