package dev.agentauth.application.accounts;

import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.application.vault.VaultContext;
import dev.agentauth.domain.account.Account;
import dev.agentauth.domain.account.TokenSet;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;

/** Seals an account's tokens field by field (each bound to tenant, connection, account and field). */
public final class TokenSealer {

    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String PKCE_VERIFIER = "pkce_verifier";

    private final TokenVault vault;

    @Inject
    public TokenSealer(TokenVault vault) {
        this.vault = vault;
    }

    public StoredTokens seal(Account account, TokenSet tokens) {
        return new StoredTokens(
                vault.seal(context(account, ACCESS_TOKEN), bytes(tokens.accessToken())),
                tokens.refreshToken() == null ? null : vault.seal(context(account, REFRESH_TOKEN), bytes(tokens.refreshToken())),
                tokens.tokenType());
    }

    public TokenSet open(Account account, StoredTokens stored) {
        String access = new String(vault.open(context(account, ACCESS_TOKEN), stored.accessToken()), StandardCharsets.UTF_8);
        String refresh = stored.refreshToken() == null ? null
                : new String(vault.open(context(account, REFRESH_TOKEN), stored.refreshToken()), StandardCharsets.UTF_8);
        return new TokenSet(access, refresh, stored.tokenType(), account.expiresAt(), account.grantedScopes());
    }

    /** Only the access token: the token path never needs to unwrap the refresh token unless it refreshes. */
    public String openAccessToken(Account account, StoredTokens stored) {
        return new String(vault.open(context(account, ACCESS_TOKEN), stored.accessToken()), StandardCharsets.UTF_8);
    }

    public TokenVault vault() {
        return vault;
    }

    static VaultContext context(Account account, String field) {
        return VaultContext.of(account.tenantId(), account.connectionId(), account.id(), field);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
