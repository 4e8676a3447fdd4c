package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.TokenSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Port: the provider's token endpoint (RFC 6749) and revocation endpoint (RFC 7009), called
 * with the connection's client authentication method.
 */
public interface TokenEndpoint {

    TokenSet exchangeCode(OAuthClient client, String code, Optional<String> verifier);

    TokenSet refresh(OAuthClient client, String refreshToken);

    TokenSet clientCredentials(OAuthClient client, List<String> scopes);

    /** Best effort: answers false when the provider did not confirm. */
    boolean revoke(OAuthClient client, String token, String tokenTypeHint);

    /** Why a token call failed, reduced to what decides the account's fate. */
    enum Failure {
        /** invalid_grant: the grant is dead (unless a sibling rotated it first). */
        INVALID_GRANT,
        /** 5xx, 429, timeouts, unreachable: back off, keep the account. */
        TRANSIENT,
        /** any other refusal (invalid_client, unauthorized_client, malformed answer). */
        REJECTED
    }

    /** A failed token call; the message names the failure, never the provider's raw body. */
    final class TokenEndpointException extends RuntimeException {
        private final Failure failure;
        private final Duration retryAfter;

        public TokenEndpointException(Failure failure, String message, Duration retryAfter) {
            super(message, null, false, false);
            this.failure = failure;
            this.retryAfter = retryAfter;
        }

        public Failure failure() {
            return failure;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }
}
