package dev.agentauth.application.audit;

import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.Caller;
import javax.inject.Inject;

/** The caller's tenant's audit records, newest first, by connection, account and/or action. */
public final class ListAuditRecords {

    private final AuditTrail trail;

    @Inject
    public ListAuditRecords(AuditTrail trail) {
        this.trail = trail;
    }

    public Page<AuditRecord> list(Caller caller, AuditQuery query, PageRequest page) {
        return trail.find(caller.tenantId(), query, page);
    }
}
