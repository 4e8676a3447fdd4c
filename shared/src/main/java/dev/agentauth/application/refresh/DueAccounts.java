package dev.agentauth.application.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: finds accounts whose refresh (or probe) is due, through the sharded refresh-due index,
 * so the cost of a run follows the number of due accounts, never the number stored.
 * Implementations must not scan.
 */
public interface DueAccounts {

    /** How many shards accounts are spread over; every shard is read by every run. */
    int shards();

    /** Accounts of {@code shard} due at or before {@code until}, oldest first, from {@code cursor} on. */
    DuePage due(int shard, Instant until, Optional<String> cursor, int pageSize);
}
