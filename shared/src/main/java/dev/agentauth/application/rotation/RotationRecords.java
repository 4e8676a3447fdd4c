package dev.agentauth.application.rotation;

import dev.agentauth.domain.rotation.CredentialRotation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the latest rotation record of each connection. Writes are conditional on the version
 * read ({@code 0} for "no record yet") and answer {@code false} when another writer got there
 * first; open rotations can be listed (oldest first) so an interrupted one is finished later.
 */
public interface RotationRecords {

    Optional<CredentialRotation> find(String tenantId, String connectionId);

    /** Stores {@code rotation} as version {@code expectedVersion + 1} if the stored one is still {@code expectedVersion}. */
    boolean save(CredentialRotation rotation, long expectedVersion);

    /** Open rotations (started, staged, promoted, rolling back) last updated before {@code before}, oldest first. */
    List<CredentialRotation> openBefore(Instant before, int limit);
}
