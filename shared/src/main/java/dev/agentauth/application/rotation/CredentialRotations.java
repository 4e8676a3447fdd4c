package dev.agentauth.application.rotation;

import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialRef;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.rotation.CredentialRotation;
import dev.agentauth.domain.rotation.RotationStep;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Staged rotation of a connection's credential (client secret or API key), SECURITY.md 15:
 * stage the new value (AWSPENDING), test it against the provider, promote it (AWSCURRENT; the
 * old one stays as AWSPREVIOUS), point the connection at it. A value that fails its test stays
 * staged and the old one stays in use. Rollback makes the replaced credential current again.
 *
 * <p>Every step is idempotent and the rotation record stores each step before the next one
 * begins, so a rotation cut off anywhere is finished by {@link #resume} (the next request for
 * the connection, or the daily key rotator). Events are published before a rotation is marked
 * finished, so a crash repeats an event rather than losing it.
 */
public final class CredentialRotations {

    private final RotationRecords records;
    private final ConnectionRepository connections;
    private final CredentialStore store;
    private final CredentialCheck check;
    private final ConnectionCredentialUpdate update;
    private final EventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public CredentialRotations(RotationRecords records, ConnectionRepository connections, CredentialStore store,
            CredentialCheck check, ConnectionCredentialUpdate update, EventPublisher events, AuditLog audit, Clock clock) {
        this.records = records;
        this.connections = connections;
        this.store = store;
        this.check = check;
        this.update = update;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Rotates to the command's value; answers the finished (completed or failed) rotation. */
    public CredentialRotation rotate(RotationCommand command) {
        Caller caller = command.caller();
        Connection connection = connection(caller.tenantId(), command.connectionId());
        if (command.authType().isPresent() && command.authType().get() != connection.authType()) {
            throw ValidationException.of(command.authType().get() == AuthType.OAUTH2 ? "oauth" : "api_key",
                    "the connection uses " + connection.authType().wire() + " credentials");
        }
        String rotationId = command.rotationId().orElseGet(() -> "rot_" + UUID.randomUUID().toString().replace("-", ""));
        Optional<CredentialRotation> latest = records.find(caller.tenantId(), connection.id());
        if (latest.isPresent() && latest.get().rotationId().equals(rotationId)) {
            // the same request again: finish it with the value it carries (staging is idempotent)
            return latest.get().step().open() ? advance(latest.get(), Optional.of(command.newValue())) : latest.get();
        }
        if (latest.isPresent() && latest.get().step().open()) {
            resume(latest.get());
            connection = connection(caller.tenantId(), connection.id());
            latest = records.find(caller.tenantId(), connection.id());
        }
        Instant now = clock.instant();
        CredentialSummary replaced = connection.credential()
                .orElseThrow(() -> new ConflictException("the connection has no credential to rotate"));
        CredentialRotation started = new CredentialRotation(caller.tenantId(), connection.id(), rotationId,
                RotationStep.STARTED, null, replaced, null, null, caller.actor(), command.requestId(), now, now, 0);
        long expected = latest.map(CredentialRotation::version).orElse(0L);
        if (!records.save(started, expected)) {
            throw new ConflictException("another rotation of this connection started at the same time; try again");
        }
        return advance(started.withVersion(expected + 1), Optional.of(command.newValue()));
    }

    /** Finishes an interrupted rotation (or rollback) from its last stored step. */
    public CredentialRotation resume(CredentialRotation open) {
        if (open.step() == RotationStep.ROLLING_BACK) return finishRollback(open);
        return advance(open, Optional.empty());
    }

    /** Makes the credential replaced by the latest completed rotation current again. */
    public CredentialRotation rollback(Caller caller, String connectionId, String requestId) {
        connection(caller.tenantId(), connectionId);
        CredentialRotation latest = records.find(caller.tenantId(), connectionId)
                .orElseThrow(() -> new ConflictException("the connection has no rotation to roll back"));
        if (latest.step() == RotationStep.ROLLED_BACK) return latest;
        if (latest.step() == RotationStep.ROLLING_BACK) return finishRollback(latest);
        if (latest.step().open()) latest = resume(latest);
        if (latest.step() != RotationStep.COMPLETED) {
            throw new ConflictException("the latest rotation did not complete (" + latest.step().wire() + "); nothing to roll back");
        }
        if (latest.replaced() == null || latest.replaced().versionId() == null) {
            throw new ConflictException("the replaced credential is not known; nothing to roll back");
        }
        CredentialRotation rollingBack = save(withActor(latest.at(RotationStep.ROLLING_BACK, clock.instant()), caller.actor(), requestId));
        return finishRollback(rollingBack);
    }

    private CredentialRotation advance(CredentialRotation rotation, Optional<SecretValue> value) {
        CredentialRotation current = rotation;
        CredentialRef ref = new CredentialRef(current.tenantId(), current.connectionId());
        if (current.step() == RotationStep.STARTED) {
            if (value.isEmpty()) {
                // cut off before staging was recorded, and the value is not stored anywhere we may trust
                return fail(current, "the rotation was interrupted before the new credential was staged; submit it again");
            }
            String versionId = store.stage(ref, value.get(), current.rotationId());
            current = save(current.staged(versionId, clock.instant()));
        }
        if (current.step() == RotationStep.STAGED) {
            SecretValue candidate = value.isPresent() ? value.get() : store.readVersion(ref, current.pendingVersionId())
                    .orElse(null);
            if (candidate == null) return fail(current, "the staged credential is gone; submit it again");
            Connection connection = connection(current.tenantId(), current.connectionId());
            CredentialCheck.Result result = check.check(connection, candidate);
            if (!result.passed()) return fail(current, result.reason());
            store.promote(ref, current.pendingVersionId());
            current = save(current.promoted(CredentialSummary.of(candidate, clock.instant(), current.pendingVersionId()),
                    clock.instant()));
        }
        if (current.step() == RotationStep.PROMOTED) {
            update.use(current.tenantId(), current.connectionId(), current.promoted(), current.actor());
            publish(DomainEvent.CREDENTIAL_ROTATED, current, "rotated", null);
            record(current, "credential.rotate", "success", null);
            current = save(current.at(RotationStep.COMPLETED, clock.instant()));
        }
        return current;
    }

    private CredentialRotation finishRollback(CredentialRotation rollingBack) {
        CredentialRef ref = new CredentialRef(rollingBack.tenantId(), rollingBack.connectionId());
        // promoting the replaced version by id (not swapping labels) is what makes a repeat harmless
        store.promote(ref, rollingBack.replaced().versionId());
        CredentialSummary restored = new CredentialSummary(true, rollingBack.replaced().last4(), clock.instant(),
                rollingBack.replaced().versionId());
        update.use(rollingBack.tenantId(), rollingBack.connectionId(), restored, rollingBack.actor());
        publish(DomainEvent.CREDENTIAL_ROTATED, rollingBack, "rolled_back", null);
        record(rollingBack, "credential.rollback", "success", null);
        return save(rollingBack.at(RotationStep.ROLLED_BACK, clock.instant()));
    }

    private CredentialRotation fail(CredentialRotation rotation, String reason) {
        publish(DomainEvent.CREDENTIAL_ROTATION_FAILED, rotation, "failed", reason);
        record(rotation, "credential.rotate", "failure", reason);
        return save(rotation.failed(reason, clock.instant()));
    }

    /** Stores the next step; a lost condition means a concurrent resume got there first: its record wins. */
    private CredentialRotation save(CredentialRotation next) {
        if (records.save(next, next.version())) return next.withVersion(next.version() + 1);
        CredentialRotation winner = records.find(next.tenantId(), next.connectionId())
                .orElseThrow(() -> new ConflictException("the rotation record disappeared"));
        if (!winner.rotationId().equals(next.rotationId())) {
            throw new ConflictException("another rotation of this connection started meanwhile");
        }
        return winner;
    }

    private Connection connection(String tenantId, String connectionId) {
        return connections.find(tenantId, connectionId).orElseThrow(() -> new NotFoundException("no connection " + connectionId));
    }

    private void publish(String type, CredentialRotation rotation, String outcome, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("connection_id", rotation.connectionId());
        detail.put("rotation_id", rotation.rotationId());
        detail.put("outcome", outcome);
        detail.put("reason", reason);
        events.publish(new DomainEvent(type, rotation.tenantId(), detail));
    }

    private void record(CredentialRotation rotation, String action, String outcome, String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("connection_id", rotation.connectionId());
        detail.put("rotation_id", rotation.rotationId());
        if (reason != null) detail.put("reason", reason);
        audit.record(new AuditRecord(clock.instant(), rotation.actor(), rotation.tenantId(), action,
                "connection/" + rotation.connectionId(), outcome, rotation.requestId(), detail));
    }

    private static CredentialRotation withActor(CredentialRotation r, String actor, String requestId) {
        return new CredentialRotation(r.tenantId(), r.connectionId(), r.rotationId(), r.step(), r.pendingVersionId(),
                r.replaced(), r.promoted(), r.failureReason(), actor, requestId, r.startedAt(), r.updatedAt(), r.version());
    }
}
