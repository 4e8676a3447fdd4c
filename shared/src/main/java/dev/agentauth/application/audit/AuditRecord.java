package dev.agentauth.application.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited action: who did what to which target, with what outcome. {@code detail} holds ids
 * and reasons, never a secret.
 */
public record AuditRecord(
        Instant at,
        String actor,
        String tenantId,
        String action,
        String target,
        String outcome,
        String requestId,
        Map<String, String> detail) {

    public AuditRecord {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
