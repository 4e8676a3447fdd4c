package dev.agentauth.application.connections;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import java.util.Optional;
import javax.inject.Inject;

/** Lists the caller's connections, newest first, optionally by provider, status and environment. */
public final class ListConnections {

    private final ConnectionRepository connections;

    @Inject
    public ListConnections(ConnectionRepository connections) {
        this.connections = connections;
    }

    public Page<Connection> list(Caller caller, Optional<String> provider, Optional<String> status,
            Optional<String> environment, PageRequest page) {
        Optional<ConnectionStatus> parsedStatus = status.map(s -> ConnectionStatus.fromWire(s)
                .orElseThrow(() -> new BadRequestException("status must be one of draft, testing, active, inactive, error")));
        return connections.list(caller.tenantId(), new ConnectionFilter(provider, parsedStatus, environment), page);
    }
}
