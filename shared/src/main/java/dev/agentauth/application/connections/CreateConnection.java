package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.application.connections.ConnectionRepository.CreateResult;
import dev.agentauth.application.connections.ConnectionRepository.IdempotencyRecord;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.Ids;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Creates a draft connection: validate, store the credential (its own secret), then write the
 * connection, its name lock and version 1 in one transaction. The secret comes first so that no
 * connection is ever visible without its credential; a secret whose connection was never written
 * is invisible. An {@code Idempotency-Key} is claimed (with the new id and the body's fingerprint)
 * before anything else is written, so a retry lands on the same id and the same secret version
 * (deterministic request token) and nothing is made twice.
 */
public final class CreateConnection {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final ConnectionRequestReader reader;
    private final ConnectionRepository connections;
    private final CredentialStore credentials;
    private final ConnectionJournal journal;
    private final Clock clock;

    @Inject
    public CreateConnection(ConnectionRequestReader reader, ConnectionRepository connections, CredentialStore credentials,
            ConnectionJournal journal, Clock clock) {
        this.reader = reader;
        this.connections = connections;
        this.credentials = credentials;
        this.journal = journal;
        this.clock = clock;
    }

    public Connection create(Caller caller, ObjectNode body, Optional<String> idempotencyKey, String requestId) {
        idempotencyKey.ifPresent(key -> {
            if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
                throw new BadRequestException("Idempotency-Key must be 1-255 visible ASCII characters");
            }
        });
        String fingerprint = RequestFingerprint.of(body);
        String tenant = caller.tenantId();
        Instant now = clock.instant();
        ConnectionSpec spec = reader.readCreate(body);
        String id = Ids.newId(Connection.ID_PREFIX);
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyRecord> earlier = connections.claimIdempotency(
                    new IdempotencyRecord(tenant, idempotencyKey.get(), fingerprint, id, now));
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(fingerprint)) throw keyReused();
                Optional<Connection> done = connections.find(tenant, earlier.get().connectionId());
                if (done.isPresent()) return done.get();
                // the earlier attempt stopped before writing the connection: finish it with its id
                id = earlier.get().connectionId();
            }
        }

        SecretValue secret = spec.secret().orElseThrow();
        CredentialRef ref = new CredentialRef(tenant, id);
        String token = UUID.nameUUIDFromBytes((id + ":create:" + fingerprint).getBytes(StandardCharsets.UTF_8)).toString();
        String versionId = credentials.put(ref, secret, token);
        Connection connection = draft(spec, id, tenant, caller.actor(), now, CredentialSummary.of(secret, now, versionId));

        CreateResult result;
        try {
            result = connections.create(connection, ConnectionVersion.of(connection, List.of("created")));
        } catch (RuntimeException failure) {
            // without a key no retry can reach this secret again: remove it
            if (idempotencyKey.isEmpty()) discardQuietly(ref, failure);
            throw failure;
        }
        return switch (result) {
            case CREATED -> {
                journal.created(connection, caller, requestId);
                yield connection;
            }
            case ALREADY_EXISTS -> connections.find(tenant, id).orElseThrow(() ->
                    new ConflictException("the connection created with this Idempotency-Key was deleted"));
            case NAME_TAKEN -> {
                credentials.discard(ref);
                throw new ConflictException("a connection named '" + spec.name() + "' already exists in environment "
                        + spec.environment());
            }
        };
    }

    private static Connection draft(ConnectionSpec spec, String id, String tenant, String actor, Instant now,
            CredentialSummary credential) {
        OAuthConfig oauth = spec.oauth() == null ? null : spec.oauth().withClientSecret(credential);
        ApiKeyConfig apiKey = spec.apiKey() == null ? null : spec.apiKey().withKey(credential);
        return new Connection(id, tenant, spec.name(), spec.description(), spec.environment(), spec.provider(),
                spec.authType(), ConnectionStatus.DRAFT, null, spec.scopes(), oauth, apiKey, spec.settings(),
                spec.rotation(), spec.tags(), spec.verification(), spec.allowedReturnUrls(), 1, now, now, actor, actor, null);
    }

    private void discardQuietly(CredentialRef ref, RuntimeException failure) {
        try {
            credentials.discard(ref);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private static ValidationException keyReused() {
        return ValidationException.of("Idempotency-Key", "was already used with a different request body");
    }
}
