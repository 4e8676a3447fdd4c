package dev.agentauth.testdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Seeds connections through the real use cases (as the create and update routes would). */
public final class ConnectionSeeder {

    private final ConnectionsComponent component;

    public ConnectionSeeder(EmulatorResources resources) {
        this.component = ConnectionsComponent.create(resources.env());
    }

    public ConnectionsComponent component() {
        return component;
    }

    public static Caller caller(String tenantId) {
        return new Caller(tenantId, "seeder", Set.of("connections:write"));
    }

    public Connection create(String tenantId, ObjectNode body) {
        return component.createConnection().create(caller(tenantId), body, Optional.empty(), "seed-" + UUID.randomUUID());
    }

    public Connection update(String tenantId, String connectionId, ObjectNode patch) {
        return component.updateConnection().update(caller(tenantId), connectionId, patch, Optional.empty(), "seed-" + UUID.randomUUID());
    }
}
