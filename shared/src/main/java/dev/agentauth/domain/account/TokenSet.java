package dev.agentauth.domain.account;

import java.time.Instant;
import java.util.List;

/**
 * Tokens as a provider issued them. {@code refreshToken} and {@code expiresAt} may be absent
 * (null). {@link #toString()} never prints a token.
 */
public record TokenSet(String accessToken, String refreshToken, String tokenType, Instant expiresAt, List<String> scopes) {

    public TokenSet {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
    }

    /** RFC 6749 section 6: a refresh response without a refresh token keeps the stored one. */
    public TokenSet keepingRefreshTokenOf(TokenSet previous) {
        if (refreshToken != null && !refreshToken.isBlank()) return this;
        return new TokenSet(accessToken, previous == null ? null : previous.refreshToken, tokenType, expiresAt,
                scopes.isEmpty() && previous != null ? previous.scopes : scopes);
    }

    @Override
    public String toString() {
        return "TokenSet[tokenType=" + tokenType + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + ", refreshToken=" + (refreshToken == null ? "absent" : "present") + "]";
    }
}
