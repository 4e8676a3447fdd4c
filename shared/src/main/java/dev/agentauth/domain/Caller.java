package dev.agentauth.domain;

import java.util.Set;

/** Who is calling: the tenant and permissions come only from verified token claims. */
public record Caller(String tenantId, String subject, Set<String> scopes) {
    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }

    /** The actor written into versions and audit records. */
    public String actor() {
        return subject == null || subject.isBlank() ? "tenant:" + tenantId : subject;
    }
}
