package dev.agentauth.application.connections;

import dev.agentauth.domain.connection.ConnectionStatus;
import java.util.Optional;

/** Optional filters of the connection list (all must match). */
public record ConnectionFilter(Optional<String> provider, Optional<ConnectionStatus> status, Optional<String> environment) {

    public static ConnectionFilter none() {
        return new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
