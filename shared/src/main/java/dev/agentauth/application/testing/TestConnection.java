package dev.agentauth.application.testing;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStage;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.application.outbound.ConnectionPolicies;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.LastTest;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Use case: test a connection against its provider (API.md "Testing a connection"). The
 * connection moves {@code draft|error|active|inactive → testing → active|error}; the result is
 * kept as {@code last_test}, audited and published as a {@code Connection Tested} event.
 * <p>
 * A connection left in {@code testing} by a test that died (a Lambda timeout) may be tested
 * again once {@link #STALE_TEST} has passed; otherwise a second concurrent test is a conflict.
 * Network checks are bounded so the answer arrives within the API gateway's 30 seconds.
 */
public final class TestConnection {

    static final Duration STALE_TEST = Duration.ofMinutes(2);
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(8);
    static final Duration CHECK_BUDGET = Duration.ofSeconds(11);

    private final ConnectionRepository connections;
    private final CredentialStore credentials;
    private final ProviderCatalog catalog;
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;
    private final OAuthChecks oauthChecks;
    private final ApiKeyChecks apiKeyChecks;

    @Inject
    public TestConnection(ConnectionRepository connections, CredentialStore credentials, ProviderCatalog catalog,
                          ProviderHttp http, AuditLog audit, EventPublisher events, Clock clock) {
        this.connections = connections;
        this.credentials = credentials;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.oauthChecks = new OAuthChecks(http, clock);
        this.apiKeyChecks = new ApiKeyChecks(http, clock);
    }

    public ConnectionTestReport test(Caller caller, String connectionId, String requestId) {
        Connection connection = connections.find(caller.tenantId(), connectionId)
                .orElseThrow(() -> new NotFoundException("no connection " + connectionId));
        if (!mayStart(connection)) throw new ConflictException("a test of this connection is already running");
        Connection testing = connections.changeStatus(new StatusChange(caller.tenantId(), connectionId, connection.version(),
                        ConnectionStatus.TESTING, null, null, caller.actor(), clock.instant()))
                .orElseThrow(() -> new ConflictException("the connection changed while the test was starting; test it again"));

        List<CheckResult> checks;
        try {
            checks = runChecks(caller, testing, requestId);
        } catch (RuntimeException e) {
            // never leave the connection in testing: record that the test could not complete, then fail
            finish(caller, testing, List.of(CheckResult.failed("test", FailureCause.PROVIDER_ERROR,
                    "the test could not complete; test again", 0)), requestId);
            throw e;
        }
        return finish(caller, testing, checks, requestId);
    }

    private boolean mayStart(Connection connection) {
        if (connection.status().mayStartTest()) return true;
        return connection.status() == ConnectionStatus.TESTING
                && connection.updatedAt() != null
                && connection.updatedAt().plus(STALE_TEST).isBefore(clock.instant());
    }

    private List<CheckResult> runChecks(Caller caller, Connection connection, String requestId) {
        Optional<ProviderTemplate> template = catalog.find(connection.provider());
        Optional<SecretValue> secret = secret(connection);
        if (secret.isPresent()) {
            audit.record(new AuditRecord(clock.instant(), caller.actor(), caller.tenantId(), "credential.read", connection.id(),
                    "success", requestId, Map.of("connection_id", connection.id(), "purpose", "connection test")));
        }
        RequestPolicy policy = ConnectionPolicies.interactive(connection.settings(), MAX_ATTEMPT, CHECK_BUDGET);
        return switch (connection.authType()) {
            case OAUTH2 -> oauthChecks.run(connection, template, secret, policy);
            case API_KEY -> apiKeyChecks.run(connection, template, secret, policy);
        };
    }

    /** The credential version this connection version names (else the current one). */
    private Optional<SecretValue> secret(Connection connection) {
        Optional<CredentialSummary> summary = connection.credential().filter(CredentialSummary::set);
        if (summary.isEmpty()) return Optional.empty();
        CredentialRef ref = new CredentialRef(connection.tenantId(), connection.id());
        String versionId = summary.get().versionId();
        return versionId == null || versionId.isBlank()
                ? credentials.read(ref, CredentialStage.CURRENT)
                : credentials.readVersion(ref, versionId);
    }

    private ConnectionTestReport finish(Caller caller, Connection testing, List<CheckResult> checks, String requestId) {
        Instant testedAt = clock.instant();
        Optional<CheckResult> firstFailure = checks.stream().filter(CheckResult::failed).findFirst();
        boolean passed = firstFailure.isEmpty();
        ConnectionStatus status = passed ? ConnectionStatus.ACTIVE : ConnectionStatus.ERROR;
        Optional<String> reason = firstFailure.map(CheckResult::detail);
        LastTest lastTest = new LastTest(passed ? "passed" : "failed", testedAt, checks.stream().map(CheckResult::toCheck).toList());
        Optional<Connection> stored = connections.changeStatus(new StatusChange(testing.tenantId(), testing.id(),
                testing.version(), status, reason.orElse(null), lastTest, caller.actor(), testedAt));
        // an edit during the test wins: the connection keeps the status the edit gave it
        ConnectionStatus finalStatus = stored.map(Connection::status).orElseGet(() -> connections
                .find(testing.tenantId(), testing.id()).map(Connection::status).orElse(status));

        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("connection_id", testing.id());
        detail.put("name", testing.name());
        detail.put("provider", testing.provider());
        detail.put("environment", testing.environment());
        detail.put("status", finalStatus.wire());
        reason.ifPresent(r -> detail.put("reason", r));
        audit.record(new AuditRecord(testedAt, caller.actor(), caller.tenantId(), "connection.test", testing.id(),
                passed ? "passed" : "failed", requestId, detail));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("connection_id", testing.id());
        event.put("name", testing.name());
        event.put("provider", testing.provider());
        event.put("environment", testing.environment());
        event.put("auth_type", testing.authType().wire());
        event.put("status", finalStatus.wire());
        event.put("actor", caller.actor());
        event.put("outcome", passed ? "passed" : "failed");
        event.put("reason", reason.orElse(null));
        events.publish(new DomainEvent(DomainEvent.CONNECTION_TESTED, caller.tenantId(), event));
        return new ConnectionTestReport(passed, finalStatus, reason, checks, testedAt);
    }
}
