package dev.agentauth.application.credentials;

import dev.agentauth.domain.connection.SecretValue;
import java.util.Optional;

/**
 * Port: connection credentials (client secret or API key), one secret per connection, encrypted
 * with the stack's key. Each write names a {@code requestToken}: repeating a write with the same
 * token and value is a no-op, so callers retry safely after a crash. Versions move through
 * {@link CredentialStage}s: a new value is staged (PENDING), promoted (CURRENT; the old current
 * becomes PREVIOUS), or the previous is rolled back to CURRENT.
 */
public interface CredentialStore {

    /**
     * Stores {@code value} as the CURRENT version, creating the secret if needed (the old current
     * becomes PREVIOUS). Returns the version id.
     */
    String put(CredentialRef ref, SecretValue value, String requestToken);

    /** Stores {@code value} as PENDING without changing CURRENT. Returns the version id. */
    String stage(CredentialRef ref, SecretValue value, String requestToken);

    /** Makes {@code versionId} CURRENT (the old current becomes PREVIOUS); no-op if it already is. */
    void promote(CredentialRef ref, String versionId);

    /** Makes PREVIOUS the CURRENT version again (the current one becomes PREVIOUS). */
    void rollback(CredentialRef ref);

    /** The value carrying {@code stage}; empty if no version carries it or the secret is gone. */
    Optional<SecretValue> read(CredentialRef ref, CredentialStage stage);

    /** A specific version (the one a connection version names); empty if it is gone. */
    Optional<SecretValue> readVersion(CredentialRef ref, String versionId);

    /** Schedules the secret for deletion with the configured recovery window; no-op if already gone. */
    void scheduleDeletion(CredentialRef ref);

    /**
     * Deletes at once a secret that no connection ever referenced (compensation after a failed
     * create); no-op if absent.
     */
    void discard(CredentialRef ref);
}
