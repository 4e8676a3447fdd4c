package dev.agentauth.application.audit;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;

/** Port: reads a tenant's audit records, newest first. */
public interface AuditTrail {
    Page<AuditRecord> find(String tenantId, AuditQuery query, PageRequest page);
}
