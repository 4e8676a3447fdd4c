package dev.agentauth.application.audit;

import java.util.Optional;

/**
 * Filters of the audit trail: records about a connection ({@code detail.connection_id} or the
 * target), an account ({@code detail.account_id}), and/or one action. All given filters must match.
 */
public record AuditQuery(Optional<String> connectionId, Optional<String> accountId, Optional<String> action) {

    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
