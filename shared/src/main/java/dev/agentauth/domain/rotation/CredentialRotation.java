package dev.agentauth.domain.rotation;

import dev.agentauth.domain.connection.CredentialSummary;
import java.time.Instant;

/**
 * The latest credential rotation of one connection: its id (also the credential store's
 * request token, which makes staging idempotent), its step, the staged version, the summary
 * of the credential it replaced (what a rollback restores), and who started it. Holds no secret.
 */
public record CredentialRotation(
        String tenantId,
        String connectionId,
        String rotationId,
        RotationStep step,
        String pendingVersionId,
        CredentialSummary replaced,
        CredentialSummary promoted,
        String failureReason,
        String actor,
        String requestId,
        Instant startedAt,
        Instant updatedAt,
        long version) {

    public CredentialRotation at(RotationStep next, Instant now) {
        return new CredentialRotation(tenantId, connectionId, rotationId, next, pendingVersionId, replaced, promoted,
                failureReason, actor, requestId, startedAt, now, version);
    }

    public CredentialRotation staged(String versionId, Instant now) {
        return new CredentialRotation(tenantId, connectionId, rotationId, RotationStep.STAGED, versionId, replaced, promoted,
                null, actor, requestId, startedAt, now, version);
    }

    public CredentialRotation promoted(CredentialSummary summary, Instant now) {
        return new CredentialRotation(tenantId, connectionId, rotationId, RotationStep.PROMOTED, pendingVersionId, replaced,
                summary, null, actor, requestId, startedAt, now, version);
    }

    public CredentialRotation failed(String reason, Instant now) {
        return new CredentialRotation(tenantId, connectionId, rotationId, RotationStep.FAILED, pendingVersionId, replaced,
                promoted, reason, actor, requestId, startedAt, now, version);
    }

    public CredentialRotation withVersion(long newVersion) {
        return new CredentialRotation(tenantId, connectionId, rotationId, step, pendingVersionId, replaced, promoted,
                failureReason, actor, requestId, startedAt, updatedAt, newVersion);
    }
}
