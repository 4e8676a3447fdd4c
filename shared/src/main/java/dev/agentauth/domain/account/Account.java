package dev.agentauth.domain.account;

import java.time.Instant;
import java.util.List;

/** An end user's account connected through a connection: what API.md shows, never a token. */
public record Account(
        String tenantId,
        String id,
        String connectionId,
        String userId,
        AccountStatus status,
        List<String> grantedScopes,
        Instant expiresAt,
        Instant lastRefreshedAt,
        String lastError,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
    }

    public Account with(AccountStatus newStatus, String error, Instant now) {
        return new Account(tenantId, id, connectionId, userId, newStatus, grantedScopes, expiresAt, lastRefreshedAt,
                error, version, createdAt, now);
    }

    public Account withTokens(List<String> scopes, Instant newExpiresAt, Instant refreshedAt, Instant now) {
        return new Account(tenantId, id, connectionId, userId, AccountStatus.ACTIVE, scopes, newExpiresAt, refreshedAt,
                null, version, createdAt, now);
    }
}
