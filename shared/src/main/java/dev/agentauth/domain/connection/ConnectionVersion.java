package dev.agentauth.domain.connection;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a connection's configuration history: who changed which fields when, and the
 * whole configuration as it was afterwards ({@code snapshot}, credentials summarised only).
 */
public record ConnectionVersion(long version, Instant at, String actor, List<String> changes, Connection snapshot) {

    public ConnectionVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static ConnectionVersion of(Connection snapshot, List<String> changes) {
        return new ConnectionVersion(snapshot.version(), snapshot.updatedAt(), snapshot.updatedBy(), changes, snapshot);
    }
}
