package dev.agentauth.application.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.audit.AuditQuery;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testdata.ConnectionsComponent;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Concurrent writers get deterministic outcomes: no lost update, one connection per key, one per name. */
@ExtendWith(AwsEndpointExtension.class)
class ConnectionConcurrencyIT {

    private static final int WRITERS = 8;

    private static ConnectionsComponent component;
    private static ConnectionSeeder seeder;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        seeder = new ConnectionSeeder(aws);
        component = seeder.component();
    }

    /** Runs the tasks at once and answers each one's result or failure. */
    private static <T> List<Object> race(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) futures.add(pool.submit(() -> { gate.await(); return task.call(); }));
        gate.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        pool.shutdown();
        return outcomes;
    }

    @Test
    void concurrentPatchesWithoutIfMatchAllApplyAsSeparateVersions() throws InterruptedException {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-contended", "secret-0000"));
        List<Callable<Connection>> patches = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            ObjectNode patch = (ObjectNode) Json.parse("{\"tags\":{\"writer" + i + "\":\"yes\"}}");
            patches.add(() -> seeder.update("tenant-a", c.id(), patch));
        }

        List<Object> outcomes = race(patches);

        outcomes.forEach(o -> assertEquals(Connection.class, o.getClass(), String.valueOf(o)));
        Connection after = component.connections().find("tenant-a", c.id()).orElseThrow();
        assertEquals(WRITERS, after.tags().size(), after.tags().toString());
        assertEquals(1 + WRITERS, after.version());
        assertEquals(1 + WRITERS, component.connections().versions("tenant-a", c.id(), PageRequest.first(100)).items().size());
    }

    @Test
    void concurrentCreatesWithOneIdempotencyKeyAgreeOnOneConnection() throws InterruptedException {
        ObjectNode body = ConnectionRequests.openai("openai-same-key", "sk-same-key-4242");
        List<Callable<Connection>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            creates.add(() -> component.createConnection().create(ConnectionSeeder.caller("tenant-key"), body.deepCopy(),
                    Optional.of("one-key"), "r"));
        }

        List<Object> outcomes = race(creates);

        Set<String> ids = new HashSet<>();
        outcomes.forEach(o -> ids.add(((Connection) o).id()));
        assertEquals(1, ids.size());
        assertEquals(1, component.connections().list("tenant-key", ConnectionFilter.none(), PageRequest.first(10)).items().size());
        assertEquals(1, component.auditTrail().find("tenant-key", new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of("connection.create")), PageRequest.first(10)).items().size());
    }

    @Test
    void concurrentCreatesOfOneNameLeaveExactlyOneWinner() throws InterruptedException {
        List<Callable<Connection>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String secret = "secret-" + i;
            creates.add(() -> seeder.create("tenant-name", ConnectionRequests.slack("one-name", secret)));
        }

        List<Object> outcomes = race(creates);

        assertEquals(1, outcomes.stream().filter(Connection.class::isInstance).count(), outcomes.toString());
        assertEquals(WRITERS - 1, outcomes.stream().filter(ConflictException.class::isInstance).count(), outcomes.toString());
        assertEquals(1, component.connections().list("tenant-name", ConnectionFilter.none(), PageRequest.first(10)).items().size());
    }
}
