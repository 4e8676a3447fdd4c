package dev.agentauth.adapters.rotation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.rotation.ConnectionCredentialUpdate;
import dev.agentauth.application.rotation.CredentialCheck;
import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.application.rotation.RotationCommand;
import dev.agentauth.application.rotation.RotationRecords;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.ConnectionVersion;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import dev.agentauth.domain.rotation.CredentialRotation;
import dev.agentauth.domain.rotation.RotationStep;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Staged credential rotation against moto (Secrets Manager staging labels, DynamoDB records)
 * and a WireMock token endpoint that accepts only the secrets it was told about.
 */
@ExtendWith(AwsEndpointExtension.class)
class CredentialRotationIT {

    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    private static final String TENANT = "tenant-rot";

    private final RotationTestComponent component;
    private final Caller owner = new Caller(TENANT, "owner-1", Set.of("connections:write"));

    CredentialRotationIT(AwsEndpoint aws) {
        this.component = RotationTestComponent.create(AccountsTestStack.create(aws).environment());
    }

    @BeforeAll
    static void startProvider() {
        PROVIDER.start();
        PROVIDER.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)));
        PROVIDER.stubFor(post(urlPathEqualTo("/token")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    /** The provider now accepts {@code secret} for the client credentials grant. */
    private static SecretValue accepted(String secret) {
        PROVIDER.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
                .withRequestBody(containing("client_secret=" + secret))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));
        return new SecretValue(secret);
    }

    @Test
    void promotesANewSecretThatPassesItsTestAndKeepsTheOldOneAsPrevious() {
        SecretValue old = accepted("old-" + UUID.randomUUID());
        Connection connection = connectionWith(old);
        SecretValue fresh = accepted("new-" + UUID.randomUUID());

        CredentialRotation done = component.rotations().rotate(command(connection, fresh, Optional.empty()));

        assertEquals(RotationStep.COMPLETED, done.step());
        assertRotatedTo(connection, fresh, old);
    }

    @Test
    void leavesAFailingSecretStagedAndTheOldOneInUse() {
        SecretValue old = accepted("old-" + UUID.randomUUID());
        Connection connection = connectionWith(old);
        SecretValue rejected = new SecretValue("rejected-" + UUID.randomUUID());

        CredentialRotation failed = component.rotations().rotate(command(connection, rejected, Optional.empty()));

        CredentialRef ref = new CredentialRef(TENANT, connection.id());
        assertEquals(RotationStep.FAILED, failed.step());
        assertTrue(failed.failureReason().startsWith("invalid credentials"), failed.failureReason());
        assertEquals(old, component.store().read(ref, CredentialStage.CURRENT).orElseThrow());
        assertEquals(rejected, component.store().read(ref, CredentialStage.PENDING).orElseThrow());
        assertEquals(old.last4(), component.connections().find(TENANT, connection.id()).orElseThrow().credential().orElseThrow().last4());
    }

    @Test
    void rollbackRestoresThePreviousSecretAndARepeatedRollbackChangesNothing() {
        SecretValue old = accepted("old-" + UUID.randomUUID());
        Connection connection = connectionWith(old);
        SecretValue fresh = accepted("new-" + UUID.randomUUID());
        component.rotations().rotate(command(connection, fresh, Optional.empty()));

        CredentialRotation rolledBack = component.rotations().rollback(owner, connection.id(), "req-rb-1");
        CredentialRotation again = component.rotations().rollback(owner, connection.id(), "req-rb-2");

        CredentialRef ref = new CredentialRef(TENANT, connection.id());
        assertEquals(RotationStep.ROLLED_BACK, rolledBack.step());
        assertEquals(RotationStep.ROLLED_BACK, again.step());
        assertEquals(old, component.store().read(ref, CredentialStage.CURRENT).orElseThrow());
        CredentialSummary summary = component.connections().find(TENANT, connection.id()).orElseThrow().credential().orElseThrow();
        assertEquals(old.last4(), summary.last4());
        assertEquals(old, component.store().readVersion(ref, summary.versionId()).orElseThrow());
    }

    @Test
    void theSameRequestRepeatedReturnsTheSameRotation() {
        SecretValue old = accepted("old-" + UUID.randomUUID());
        Connection connection = connectionWith(old);
        SecretValue fresh = accepted("new-" + UUID.randomUUID());
        RotationCommand command = command(connection, fresh, Optional.of("rot_" + UUID.randomUUID().toString().replace("-", "")));

        CredentialRotation first = component.rotations().rotate(command);
        CredentialRotation repeated = component.rotations().rotate(command);

        assertEquals(first.rotationId(), repeated.rotationId());
        assertEquals(first.version(), repeated.version(), "a finished rotation is answered, not run again");
        assertRotatedTo(connection, fresh, old);
    }

    /** Where a rotation is cut off: after the named call has taken effect, before its step is recorded. */
    enum CrashPoint { AFTER_STAGE, DURING_TEST, AFTER_PROMOTE, AFTER_CONNECTION_UPDATE, BEFORE_COMPLETED_RECORD }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void aRotationInterruptedAtAnyStepIsCompletedByTheNextRun(CrashPoint point) {
        SecretValue old = accepted("old-" + UUID.randomUUID());
        Connection connection = connectionWith(old);
        SecretValue fresh = accepted("new-" + UUID.randomUUID());
        RotationCommand command = command(connection, fresh, Optional.of("rot_" + UUID.randomUUID().toString().replace("-", "")));

        assertThrows(Crash.class, () -> crashing(point).rotate(command));

        if (point == CrashPoint.AFTER_STAGE) {
            // the value was never recorded as staged: the repeated request (same id) carries it again
            assertEquals(RotationStep.COMPLETED, component.rotations().rotate(command).step());
        } else {
            // what the key rotator does with an open rotation it finds
            List<CredentialRotation> open = component.records().openBefore(Instant.now().plusSeconds(1), 100);
            CredentialRotation interrupted = open.stream().filter(r -> r.connectionId().equals(connection.id())).findFirst().orElseThrow();
            assertEquals(RotationStep.COMPLETED, component.rotations().resume(interrupted).step());
        }
        assertRotatedTo(connection, fresh, old);
        assertTrue(component.records().openBefore(Instant.now().plusSeconds(1), 100).stream()
                .noneMatch(r -> r.connectionId().equals(connection.id())), "nothing left open");
    }

    private void assertRotatedTo(Connection connection, SecretValue fresh, SecretValue old) {
        CredentialRef ref = new CredentialRef(TENANT, connection.id());
        assertEquals(fresh, component.store().read(ref, CredentialStage.CURRENT).orElseThrow());
        assertEquals(old, component.store().read(ref, CredentialStage.PREVIOUS).orElseThrow());
        CredentialSummary summary = component.connections().find(TENANT, connection.id()).orElseThrow().credential().orElseThrow();
        assertEquals(fresh.last4(), summary.last4());
        assertEquals(fresh, component.store().readVersion(ref, summary.versionId()).orElseThrow());
        assertEquals(RotationStep.COMPLETED, component.records().find(TENANT, connection.id()).orElseThrow().step());
    }

    private RotationCommand command(Connection connection, SecretValue value, Optional<String> id) {
        return new RotationCommand(owner, connection.id(), value, id, "req-" + UUID.randomUUID());
    }

    private CredentialRotations crashing(CrashPoint point) {
        CredentialStore store = crashAfter(CredentialStore.class, component.store(),
                point == CrashPoint.AFTER_STAGE ? "stage" : point == CrashPoint.AFTER_PROMOTE ? "promote" : null);
        ConnectionRepository connections = crashAfter(ConnectionRepository.class, component.connections(),
                point == CrashPoint.AFTER_CONNECTION_UPDATE ? "update" : null);
        CredentialCheck check = point == CrashPoint.DURING_TEST
                ? (connection, candidate) -> { throw new Crash(); }
                : component.check();
        RotationRecords records = point == CrashPoint.BEFORE_COMPLETED_RECORD
                ? new RotationRecords() {
                    @Override public Optional<CredentialRotation> find(String t, String c) { return component.records().find(t, c); }
                    @Override public boolean save(CredentialRotation r, long v) {
                        if (r.step() == RotationStep.COMPLETED) throw new Crash();
                        return component.records().save(r, v);
                    }
                    @Override public List<CredentialRotation> openBefore(Instant b, int l) { return component.records().openBefore(b, l); }
                }
                : component.records();
        return new CredentialRotations(records, connections, store, check,
                new ConnectionCredentialUpdate(connections, component.clock()), component.events(), component.audit(), component.clock());
    }

    /** A proxy that lets {@code method} take effect, then fails as a crashed process would. */
    @SuppressWarnings("unchecked")
    private static <T> T crashAfter(Class<T> type, T delegate, String method) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Object result;
            try {
                result = m.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals(method)) throw new Crash();
            return result;
        });
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    private Connection connectionWith(SecretValue secret) {
        return ConnectionFixtures.activeOAuthConnection(component.connections(), component.store(), TENANT, secret,
                "http://127.0.0.1:" + PROVIDER.port(), Instant.now());
    }
}
