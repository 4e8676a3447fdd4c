package dev.agentauth.application.testing;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the ports the connection test uses (the DynamoDB/Secrets Manager ones are covered by ITs). */
final class InMemoryPorts {

    private InMemoryPorts() {}

    /**
     * Only what the connection test uses; the other methods of the ports throw. A proxy keeps
     * these fakes independent of port methods the test never calls.
     */
    @SuppressWarnings("unchecked")
    private static <T> T partial(Class<T> port, Object implementation) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            try {
                Method own = implementation.getClass().getDeclaredMethod(method.getName(), method.getParameterTypes());
                own.setAccessible(true);
                return own.invoke(implementation, args);
            } catch (NoSuchMethodException e) {
                throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName());
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static final class Connections {
        final Map<String, Connection> byId = new HashMap<>();
        final List<StatusChange> changes = new ArrayList<>();
        final ConnectionRepository port = partial(ConnectionRepository.class, this);

        void put(Connection c) {
            byId.put(c.tenantId() + "/" + c.id(), c);
        }

        Connection get(Connection c) {
            return byId.get(c.tenantId() + "/" + c.id());
        }

        synchronized Optional<Connection> find(String tenantId, String connectionId) {
            return Optional.ofNullable(byId.get(tenantId + "/" + connectionId));
        }

        synchronized Optional<Connection> changeStatus(StatusChange change) {
            Connection current = byId.get(change.tenantId() + "/" + change.connectionId());
            if (current == null || current.version() != change.expectedVersion()) return Optional.empty();
            changes.add(change);
            Connection after = current.toBuilder().status(change.status()).statusReason(change.statusReason())
                    .lastTest(change.lastTest() == null ? current.lastTest() : change.lastTest())
                    .version(current.version() + 1).updatedAt(change.at()).updatedBy(change.actor()).build();
            put(after);
            return Optional.of(after);
        }
    }

    static final class Credentials {
        final Map<String, SecretValue> versions = new HashMap<>();
        final CredentialStore port = partial(CredentialStore.class, this);

        void put(String tenantId, String connectionId, String versionId, String value) {
            versions.put(tenantId + "/" + connectionId + "/" + versionId, new SecretValue(value));
        }

        Optional<SecretValue> readVersion(CredentialRef ref, String versionId) {
            return Optional.ofNullable(versions.get(ref.tenantId() + "/" + ref.connectionId() + "/" + versionId));
        }
    }

    static final class Audit implements AuditLog {
        final List<AuditRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void record(AuditRecord record) {
            records.add(record);
        }
    }

    static final class Events implements EventPublisher {
        final List<DomainEvent> published = new CopyOnWriteArrayList<>();

        @Override
        public void publish(DomainEvent event) {
            published.add(event);
        }
    }

    static final class Catalog implements ProviderCatalog {
        final Map<String, ProviderTemplate> templates = new HashMap<>();

        @Override
        public List<ProviderTemplate> all() {
            return List.copyOf(templates.values());
        }

        @Override
        public Optional<ProviderTemplate> find(String key) {
            return Optional.ofNullable(templates.get(key));
        }
    }
}
