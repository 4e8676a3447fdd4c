package dev.agentauth.application.accounts;

import dev.agentauth.application.vault.SealedValue;
import java.time.Instant;

/**
 * A pending authorization as stored: looked up only by the SHA-256 of the state value the user
 * carries (the value itself is never stored), bound to tenant, connection, account, user and
 * return URL, with the PKCE verifier sealed by the vault.
 */
public record OAuthState(
        String stateHash,
        String tenantId,
        String connectionId,
        String accountId,
        String userId,
        String returnTo,
        SealedValue verifier,
        Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
