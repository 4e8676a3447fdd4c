package dev.agentauth.application.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testdata.ConnectionsComponent;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A crash between storing the secret and writing the connection: nothing half-made is visible,
 * and a retry with the same Idempotency-Key finishes the same connection without a duplicate.
 */
@ExtendWith(AwsEndpointExtension.class)
class CreateConnectionRecoveryIT {

    private static EmulatorResources aws;
    private static ConnectionsComponent real;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        aws = EmulatorResources.create(endpoint);
        real = ConnectionsComponent.create(aws.env());
    }

    /** The real repository, but its first create fails as if the function died before writing. */
    private static final class CrashingOnce implements ConnectionRepository {
        private final ConnectionRepository delegate;
        private final AtomicInteger creates = new AtomicInteger();

        CrashingOnce(ConnectionRepository delegate) {
            this.delegate = delegate;
        }

        @Override public Optional<Connection> find(String t, String id) { return delegate.find(t, id); }
        @Override public Page<Connection> list(String t, ConnectionFilter f, PageRequest p) { return delegate.list(t, f, p); }
        @Override public CreateResult create(Connection c, ConnectionVersion v) {
            if (creates.getAndIncrement() == 0) throw new IllegalStateException("injected crash before the item was written");
            return delegate.create(c, v);
        }
        @Override public Optional<IdempotencyRecord> claimIdempotency(IdempotencyRecord claim) { return delegate.claimIdempotency(claim); }
        @Override public UpdateResult update(Connection b, Connection a, ConnectionVersion v) { return delegate.update(b, a, v); }
        @Override public Optional<Connection> changeStatus(StatusChange change) { return delegate.changeStatus(change); }
        @Override public boolean delete(Connection c) { return delegate.delete(c); }
        @Override public Page<ConnectionVersion> versions(String t, String id, PageRequest p) { return delegate.versions(t, id, p); }
        @Override public Optional<ConnectionVersion> version(String t, String id, long v) { return delegate.version(t, id, v); }
    }

    private static CreateConnection createWith(ConnectionRepository repository) {
        return new CreateConnection(real.reader(), repository, real.credentials(), real.journal(), real.clock());
    }

    @Test
    void aRetryWithTheSameKeyFinishesTheSameConnectionWithoutDuplicates() {
        String tenant = "tenant-recovery";
        CreateConnection crashing = createWith(new CrashingOnce(real.connections()));
        ObjectNode body = ConnectionRequests.slack("slack-recovered", "xoxb-recovery-5555");

        assertThrows(IllegalStateException.class, () -> crashing.create(ConnectionSeeder.caller(tenant), body, Optional.of("retry-key"), "r1"));
        assertEquals(0, real.connections().list(tenant, ConnectionFilter.none(), PageRequest.first(10)).items().size(),
                "nothing half-made is visible");

        Connection created = crashing.create(ConnectionSeeder.caller(tenant), body, Optional.of("retry-key"), "r2");
        Connection replayed = crashing.create(ConnectionSeeder.caller(tenant), body, Optional.of("retry-key"), "r3");

        assertEquals(created.id(), replayed.id());
        assertEquals(1, real.connections().list(tenant, ConnectionFilter.none(), PageRequest.first(10)).items().size());
        try (SecretsManagerClient secrets = aws.secrets()) {
            String name = aws.secretPrefix() + tenant + "/" + created.id();
            assertEquals(1, secrets.listSecretVersionIds(r -> r.secretId(name)).versions().size(), "the retry reused the secret version");
        }
    }

    @Test
    void withoutAKeyTheSecretOfAFailedCreateIsRemoved() {
        String tenant = "tenant-recovery-nokey";
        CreateConnection crashing = createWith(new CrashingOnce(real.connections()));

        assertThrows(IllegalStateException.class, () -> crashing.create(ConnectionSeeder.caller(tenant),
                ConnectionRequests.openai("openai-lost", "sk-lost-1234"), Optional.empty(), "r1"));

        try (SecretsManagerClient secrets = aws.secrets()) {
            var names = secrets.listSecrets(r -> r.includePlannedDeletion(false)).secretList().stream()
                    .map(s -> s.name()).filter(n -> n.startsWith(aws.secretPrefix() + tenant + "/")).toList();
            assertTrue(names.isEmpty(), names.toString());
        }
    }

    @Test
    void aNameConflictLeavesNoSecretBehind() {
        String tenant = "tenant-recovery-conflict";
        CreateConnection create = createWith(real.connections());
        create.create(ConnectionSeeder.caller(tenant), ConnectionRequests.slack("taken", "s-1111"), Optional.empty(), "r1");

        assertThrows(dev.agentauth.domain.ConflictException.class, () -> create.create(ConnectionSeeder.caller(tenant),
                ConnectionRequests.slack("taken", "s-2222"), Optional.empty(), "r2"));

        try (SecretsManagerClient secrets = aws.secrets()) {
            long count = secrets.listSecrets(r -> r.includePlannedDeletion(false)).secretList().stream()
                    .filter(s -> s.name().startsWith(aws.secretPrefix() + tenant + "/")).count();
            assertEquals(1, count);
        }
    }
}
