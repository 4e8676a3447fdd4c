package dev.agentauth.http;

/** The scopes of API.md; a route requires exactly one. {@link #PUBLIC} is for the OAuth callback only. */
public enum Permission {
    CONNECTIONS_READ("connections:read"),
    CONNECTIONS_WRITE("connections:write"),
    CONNECTIONS_TEST("connections:test"),
    ACCOUNTS_WRITE("accounts:write"),
    TOKENS_READ("tokens:read"),
    AUDIT_READ("audit:read"),
    PUBLIC(null);

    private final String scope;

    Permission(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
