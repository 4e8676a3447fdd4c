package dev.agentauth.application.connections;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Tells the world about a connection change: one audit record and one event per change (plus a
 * credential record and "Credential Rotated" when the credential changed). Only ids, names and
 * field names go out, never a value of a credential field.
 */
public final class ConnectionJournal {

    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    @Inject
    public ConnectionJournal(AuditLog audit, EventPublisher events, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    void created(Connection c, Caller caller, String requestId) {
        audit(caller, requestId, "connection.create", c, Map.of("version", Long.toString(c.version())));
        audit(caller, requestId, "credential.create", c, Map.of("credential", credentialName(c)));
        events.publish(new DomainEvent(DomainEvent.CONNECTION_CREATED, c.tenantId(), detail(c, caller, Map.of())));
    }

    void updated(Connection c, List<String> changes, boolean credentialChanged, Caller caller, String requestId) {
        audit(caller, requestId, "connection.update", c, Map.of("version", Long.toString(c.version()),
                "changes", String.join(",", changes)));
        events.publish(new DomainEvent(DomainEvent.CONNECTION_UPDATED, c.tenantId(), detail(c, caller, Map.of("changes", changes))));
        if (credentialChanged) {
            audit(caller, requestId, "credential.update", c, Map.of("credential", credentialName(c)));
            events.publish(new DomainEvent(DomainEvent.CREDENTIAL_ROTATED, c.tenantId(),
                    detail(c, caller, Map.of("credential", credentialName(c), "reason", "replaced by the owner"))));
        }
    }

    void deleted(Connection c, Caller caller, String requestId) {
        audit(caller, requestId, "connection.delete", c, Map.of("version", Long.toString(c.version())));
        audit(caller, requestId, "credential.delete", c, Map.of("credential", credentialName(c)));
        events.publish(new DomainEvent(DomainEvent.CONNECTION_DELETED, c.tenantId(), detail(c, caller, Map.of())));
    }

    private void audit(Caller caller, String requestId, String action, Connection c, Map<String, String> extra) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("connection_id", c.id());
        detail.put("name", c.name());
        detail.put("provider", c.provider());
        detail.put("environment", c.environment());
        detail.putAll(extra);
        audit.record(new AuditRecord(clock.instant(), caller.actor(), c.tenantId(), action, c.id(), "success", requestId, detail));
    }

    private static Map<String, Object> detail(Connection c, Caller caller, Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("connection_id", c.id());
        detail.put("name", c.name());
        detail.put("provider", c.provider());
        detail.put("environment", c.environment());
        detail.put("auth_type", c.authType().wire());
        detail.put("status", c.status().wire());
        detail.put("version", c.version());
        detail.put("actor", caller.actor());
        detail.put("outcome", "success");
        detail.putAll(extra);
        return detail;
    }

    private static String credentialName(Connection c) {
        return c.authType() == AuthType.OAUTH2 ? "client_secret" : "api_key";
    }
}
