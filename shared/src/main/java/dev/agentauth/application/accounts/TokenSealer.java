package dev.agentauth.application.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.application.vault.VaultContext;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.TokenSet;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Stores an account's tokens where its connection says: sealed field by field in the vault
 * (each bound to tenant, connection, account and field), or as a version of the account's own
 * secret ({@code token_storage: secrets_manager}).
 */
public final class TokenSealer {

    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String PKCE_VERIFIER = "pkce_verifier";
    static final String SECRETS_MANAGER = "secrets_manager";

    private final TokenVault vault;
    private final Optional<AccountSecrets> secrets;

    @Inject
    public TokenSealer(TokenVault vault, Optional<AccountSecrets> secrets) {
        this.vault = vault;
        this.secrets = secrets;
    }

    public StoredTokens seal(Account account, TokenSet tokens, OAuthClient client) {
        if (SECRETS_MANAGER.equals(client.tokenStorage())) {
            Map<String, String> document = new LinkedHashMap<>();
            document.put(ACCESS_TOKEN, tokens.accessToken());
            document.put(REFRESH_TOKEN, tokens.refreshToken());
            String version = secrets().put(account, Json.write(document), UUID.randomUUID().toString());
            return StoredTokens.inSecret(version, tokens.tokenType());
        }
        return sealInVault(account, tokens);
    }

    /** Seals into the envelope-encrypted vault under the current key (also used to re-seal after a key change). */
    public StoredTokens sealInVault(Account account, TokenSet tokens) {
        return StoredTokens.sealed(
                vault.seal(context(account, ACCESS_TOKEN), bytes(tokens.accessToken())),
                tokens.refreshToken() == null ? null : vault.seal(context(account, REFRESH_TOKEN), bytes(tokens.refreshToken())),
                tokens.tokenType());
    }

    public TokenSet open(Account account, StoredTokens stored) {
        if (stored.inSecretsManager()) {
            JsonNode document = Json.parse(secrets().read(account, stored.secretVersion())
                    .orElseThrow(() -> new IllegalStateException("the tokens of account " + account.id() + " are gone")));
            return new TokenSet(document.path(ACCESS_TOKEN).asText(),
                    document.path(REFRESH_TOKEN).isTextual() ? document.path(REFRESH_TOKEN).asText() : null,
                    stored.tokenType(), account.expiresAt(), account.grantedScopes());
        }
        String access = new String(vault.open(context(account, ACCESS_TOKEN), stored.accessToken()), StandardCharsets.UTF_8);
        String refresh = stored.refreshToken() == null ? null
                : new String(vault.open(context(account, REFRESH_TOKEN), stored.refreshToken()), StandardCharsets.UTF_8);
        return new TokenSet(access, refresh, stored.tokenType(), account.expiresAt(), account.grantedScopes());
    }

    /** Drops the account's secret, when its tokens live in one. */
    public void discard(Account account, StoredTokens stored) {
        if (stored != null && stored.inSecretsManager()) secrets().delete(account);
    }

    public TokenVault vault() {
        return vault;
    }

    private AccountSecrets secrets() {
        return secrets.orElseThrow(() -> new IllegalStateException("this function has no access to account secrets"));
    }

    static VaultContext context(Account account, String field) {
        return VaultContext.of(account.tenantId(), account.connectionId(), account.id(), field);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
