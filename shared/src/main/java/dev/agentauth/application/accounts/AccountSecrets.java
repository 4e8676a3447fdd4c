package dev.agentauth.application.accounts;

import dev.agentauth.domain.account.Account;
import java.util.Optional;

/**
 * Port: an account's tokens in a secret of their own, for connections with
 * {@code token_storage: secrets_manager}. Each write makes a new immutable version; the account
 * item names the version it belongs to, so a write whose account update lost its condition is
 * never read.
 */
public interface AccountSecrets {

    /** Stores the document as a new version (idempotent per {@code requestToken}); answers the version id. */
    String put(Account account, String document, String requestToken);

    /** The document of that version; empty when the secret or version is gone. */
    Optional<String> read(Account account, String versionId);

    /** Deletes the account's secret at once (its tokens are revoked or dead); no-op when absent. */
    void delete(Account account);
}
