package dev.agentauth.domain.rotation;

import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.CredentialSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a connection's credential is due for rotation: its last change plus the connection's {@code rotation.max_age_days}. */
public final class RotationSchedule {

    private RotationSchedule() {}

    public static Optional<Instant> dueAt(Connection connection) {
        if (connection.rotation() == null || connection.rotation().maxAgeDays() <= 0) return Optional.empty();
        return connection.credential()
                .map(CredentialSummary::updatedAt)
                .map(changed -> changed.plus(Duration.ofDays(connection.rotation().maxAgeDays())));
    }

    public static boolean due(Connection connection, Instant now) {
        return dueAt(connection).map(at -> !at.isAfter(now)).orElse(false);
    }
}
