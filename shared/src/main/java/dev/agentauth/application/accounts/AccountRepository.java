package dev.agentauth.application.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: connected accounts of a tenant. Every write that can race is conditioned on the
 * version it read; conditional writes answer {@code false} instead of throwing, so the token
 * path can re-read and never surfaces an optimistic-lock loss to its caller.
 *
 * <p>Every write of tokens also writes the refresh-due index attributes (from
 * {@link StoredAccount#refreshDueAt()}), which the scheduled refresher queries.
 */
public interface AccountRepository {

    /** @throws dev.agentauth.domain.ConflictException when the id exists */
    void create(StoredAccount account);

    /** Strongly consistent read. */
    Optional<StoredAccount> find(String tenantId, String accountId);

    AccountPage listByConnection(String tenantId, String connectionId, int limit, Optional<String> cursor);

    /**
     * Takes the refresh lease when the item still has {@code expectedVersion} and no unexpired
     * lease. The version is not bumped: readers keep seeing the account as it is.
     */
    boolean acquireLease(String tenantId, String accountId, long expectedVersion, String owner, Instant until, Instant now);

    /** Drops the lease if {@code owner} still holds it. */
    void releaseLease(String tenantId, String accountId, String owner);

    /**
     * Replaces the item with {@code updated} (version becomes expected + 1, lease cleared) if it
     * still has {@code expectedVersion} and, when {@code leaseOwner} is given, that owner's lease.
     */
    boolean replace(StoredAccount updated, long expectedVersion, Optional<String> leaseOwner);

    /** Deletes the item if it still has {@code expectedVersion}. */
    boolean delete(String tenantId, String accountId, long expectedVersion);
}
