package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.application.connections.ConnectionEditor.Edit;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.PreconditionFailedException;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Applies a merge patch to a connection as a new version. A new credential is staged first
 * (AWSPENDING, not in use), the connection version that names it is written conditionally, and
 * only then is it promoted (AWSCURRENT; the old one stays as AWSPREVIOUS). A lost race leaves
 * only an unused staged value behind; the connection item is the authority on which credential
 * version is in force. Without {@code If-Match}, a lost race is retried on fresh state.
 */
public final class UpdateConnection {

    private static final int ATTEMPTS = 3;

    private final ConnectionRepository connections;
    private final ConnectionEditor editor;
    private final CredentialStore credentials;
    private final ConnectionJournal journal;
    private final Clock clock;

    @Inject
    public UpdateConnection(ConnectionRepository connections, ConnectionEditor editor, CredentialStore credentials,
            ConnectionJournal journal, Clock clock) {
        this.connections = connections;
        this.editor = editor;
        this.credentials = credentials;
        this.journal = journal;
        this.clock = clock;
    }

    public Connection update(Caller caller, String connectionId, ObjectNode patch, Optional<Long> ifMatch, String requestId) {
        CredentialRef ref = new CredentialRef(caller.tenantId(), connectionId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Connection current = connections.find(caller.tenantId(), connectionId)
                    .orElseThrow(() -> GetConnection.notFound(connectionId));
            if (ifMatch.isPresent() && ifMatch.get() != current.version()) throw stale();
            Edit edit = editor.apply(current, patch);
            if (edit.isEmpty()) return current;

            Instant now = clock.instant();
            Optional<String> staged = edit.secret().map(secret -> credentials.stage(ref, secret, UUID.randomUUID().toString()));
            Connection.Builder next = edit.edited().toBuilder().version(current.version() + 1).updatedAt(now).updatedBy(caller.actor());
            if (staged.isPresent()) {
                CredentialSummary summary = CredentialSummary.of(edit.secret().get(), now, staged.get());
                if (current.oauth() != null) next.oauth(edit.edited().oauth().withClientSecret(summary));
                else next.apiKey(edit.edited().apiKey().withKey(summary));
            }
            Connection updated = next.build();
            switch (connections.update(current, updated, ConnectionVersion.of(updated, edit.changes()))) {
                case UPDATED -> {
                    staged.ifPresent(versionId -> credentials.promote(ref, versionId));
                    journal.updated(updated, edit.changes(), staged.isPresent(), caller, requestId);
                    return updated;
                }
                case NAME_TAKEN -> throw new ConflictException("a connection named '" + updated.name()
                        + "' already exists in environment " + updated.environment());
                case STALE -> {
                    if (ifMatch.isPresent()) throw stale();
                    // lost a race without If-Match: read again and re-apply the patch
                }
            }
        }
        throw new ConflictException("the connection kept changing while it was being updated; try again");
    }

    private static PreconditionFailedException stale() {
        return new PreconditionFailedException("If-Match does not match the connection's current version");
    }
}
