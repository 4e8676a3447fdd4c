package dev.agentauth.application.testing;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.connections.ConnectionFilter;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the ports the connection test uses (the DynamoDB/Secrets Manager ones are covered by ITs). */
final class InMemoryPorts {

    private InMemoryPorts() {}

    static final class Connections implements ConnectionRepository {
        final Map<String, Connection> byId = new HashMap<>();
        final List<StatusChange> changes = new ArrayList<>();

        void put(Connection c) {
            byId.put(c.tenantId() + "/" + c.id(), c);
        }

        Connection get(Connection c) {
            return byId.get(c.tenantId() + "/" + c.id());
        }

        @Override
        public synchronized Optional<Connection> find(String tenantId, String connectionId) {
            return Optional.ofNullable(byId.get(tenantId + "/" + connectionId));
        }

        @Override
        public synchronized Optional<Connection> changeStatus(StatusChange change) {
            Connection current = byId.get(change.tenantId() + "/" + change.connectionId());
            if (current == null || current.version() != change.expectedVersion()) return Optional.empty();
            changes.add(change);
            Connection after = current.toBuilder().status(change.status()).statusReason(change.statusReason())
                    .lastTest(change.lastTest() == null ? current.lastTest() : change.lastTest())
                    .version(current.version() + 1).updatedAt(change.at()).updatedBy(change.actor()).build();
            put(after);
            return Optional.of(after);
        }

        @Override
        public Page<Connection> list(String tenantId, ConnectionFilter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreateResult create(Connection connection, ConnectionVersion firstVersion, Optional<IdempotencyRecord> idempotency) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String tenantId, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UpdateResult update(Connection before, Connection after, ConnectionVersion version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(Connection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<ConnectionVersion> versions(String tenantId, String connectionId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConnectionVersion> version(String tenantId, String connectionId, long version) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Credentials implements CredentialStore {
        final Map<String, SecretValue> versions = new HashMap<>();

        void put(String tenantId, String connectionId, String versionId, String value) {
            versions.put(tenantId + "/" + connectionId + "/" + versionId, new SecretValue(value));
        }

        @Override
        public Optional<SecretValue> readVersion(CredentialRef ref, String versionId) {
            return Optional.ofNullable(versions.get(ref.tenantId() + "/" + ref.connectionId() + "/" + versionId));
        }

        @Override
        public Optional<SecretValue> read(CredentialRef ref, CredentialStage stage) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String put(CredentialRef ref, SecretValue value, String requestToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String stage(CredentialRef ref, SecretValue value, String requestToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void promote(CredentialRef ref, String versionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rollback(CredentialRef ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void scheduleDeletion(CredentialRef ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void discard(CredentialRef ref) {
            throw new UnsupportedOperationException();
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
