package dev.agentauth.application.connections;

import dev.agentauth.domain.Caller;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.connection.ConnectionVersion;
import javax.inject.Inject;

/** One entry of an existing connection's history. */
public final class GetConnectionVersion {

    private final ConnectionRepository connections;

    @Inject
    public GetConnectionVersion(ConnectionRepository connections) {
        this.connections = connections;
    }

    public ConnectionVersion get(Caller caller, String connectionId, String version) {
        long number;
        try {
            number = Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no version " + (version.length() > 20 ? version.substring(0, 20) + "..." : version));
        }
        connections.find(caller.tenantId(), connectionId).orElseThrow(() -> GetConnection.notFound(connectionId));
        return connections.version(caller.tenantId(), connectionId, number)
                .orElseThrow(() -> new NotFoundException("no version " + number + " of connection " + connectionId));
    }
}
