package dev.agentauth.application.connections;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.StatusChange;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: where connections and their version history live, always scoped by tenant (another
 * tenant's id reads as absent). Every write is conditional: names are unique per tenant and
 * environment, and changes apply only to the version they were computed from.
 */
public interface ConnectionRepository {

    /** One connection, in exactly one read; empty if absent, deleted or another tenant's. */
    Optional<Connection> find(String tenantId, String connectionId);

    Page<Connection> list(String tenantId, ConnectionFilter filter, PageRequest page);

    /** Stores a new connection (version 1), its name lock and its first history entry, atomically. */
    CreateResult create(Connection connection, ConnectionVersion firstVersion);

    /**
     * Claims an idempotency key for a create before anything else is written, so concurrent or
     * retried requests with the same key agree on one connection id. Returns the record already
     * stored under the key (the claim lost), or empty when this claim was stored.
     */
    Optional<IdempotencyRecord> claimIdempotency(IdempotencyRecord claim);

    /**
     * Replaces {@code before} with {@code after} (whose version is {@code before.version() + 1})
     * and appends {@code version} to its history, only if the stored connection is still at
     * {@code before.version()}; moves the name lock when the name or environment changed.
     */
    UpdateResult update(Connection before, Connection after, ConnectionVersion version);

    /**
     * Applies a system status change (the connection test) if the connection is still at the
     * expected version; records it in the history. Empty if the version moved on or it is gone.
     */
    Optional<Connection> changeStatus(StatusChange change);

    /** Removes the connection (and frees its name) if it is still at {@code connection.version()}. */
    boolean delete(Connection connection);

    /** The history, newest first. */
    Page<ConnectionVersion> versions(String tenantId, String connectionId, PageRequest page);

    Optional<ConnectionVersion> version(String tenantId, String connectionId, long version);

    enum CreateResult {
        CREATED,
        /** another connection of the tenant already has this name in this environment */
        NAME_TAKEN,
        /** a connection with this id already exists: an earlier attempt with the same idempotency key won */
        ALREADY_EXISTS
    }

    enum UpdateResult {
        UPDATED,
        /** the connection is gone or no longer at the expected version */
        STALE,
        NAME_TAKEN
    }

    /**
     * What a create request with an {@code Idempotency-Key} produced: the fingerprint of its body
     * and the connection id, kept for a day.
     */
    record IdempotencyRecord(String tenantId, String key, String requestFingerprint, String connectionId, Instant createdAt) {}
}
