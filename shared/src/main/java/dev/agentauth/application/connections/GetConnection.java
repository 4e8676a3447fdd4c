package dev.agentauth.application.connections;

import dev.agentauth.domain.Caller;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.connection.Connection;
import javax.inject.Inject;

/** Reads one connection of the caller's tenant: one read of the table, no credential store call. */
public final class GetConnection {

    private final ConnectionRepository connections;

    @Inject
    public GetConnection(ConnectionRepository connections) {
        this.connections = connections;
    }

    public Connection get(Caller caller, String connectionId) {
        return connections.find(caller.tenantId(), connectionId).orElseThrow(() -> notFound(connectionId));
    }

    static NotFoundException notFound(String connectionId) {
        String shown = connectionId.length() > 64 ? connectionId.substring(0, 64) + "..." : connectionId;
        return new NotFoundException("no connection " + shown);
    }
}
