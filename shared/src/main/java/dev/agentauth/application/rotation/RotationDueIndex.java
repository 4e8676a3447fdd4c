package dev.agentauth.application.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: connections whose credentials are due for rotation (found through an index, never a
 * scan), and the notices already sent, so each due period is announced once.
 */
public interface RotationDueIndex {

    /** One page of connections due at or before {@code until}, oldest first. */
    Page due(Instant until, Optional<String> cursor, int limit);

    /** Remembers the notice for this due period; {@code false} when it had been sent already. */
    boolean remember(RotationDue due);

    /** Forgets a notice whose event could not be published, so the next run sends it again. */
    void forget(RotationDue due);

    record Page(List<RotationDue> items, Optional<String> next) {}
}
