package dev.agentauth.application.connections;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.ConnectionVersion;
import javax.inject.Inject;

/** The configuration history of an existing connection of the caller's tenant, newest first. */
public final class ListConnectionVersions {

    private final ConnectionRepository connections;

    @Inject
    public ListConnectionVersions(ConnectionRepository connections) {
        this.connections = connections;
    }

    public Page<ConnectionVersion> list(Caller caller, String connectionId, PageRequest page) {
        connections.find(caller.tenantId(), connectionId).orElseThrow(() -> GetConnection.notFound(connectionId));
        return connections.versions(caller.tenantId(), connectionId, page);
    }
}
