package dev.agentauth.application.audit;

/** Port: appends audit records. Implementations must never lose a record silently (they throw instead). */
public interface AuditLog {
    void record(AuditRecord record);
}
