package dev.agentauth.application.accounts;

import dev.agentauth.application.vault.SealedValue;

/**
 * An account's tokens as stored: sealed by the vault ({@code refreshToken} may be null), or,
 * for {@code token_storage: secrets_manager}, the version of the account's secret that holds
 * them ({@code secretVersion}; the sealed values are then null).
 */
public record StoredTokens(SealedValue accessToken, SealedValue refreshToken, String tokenType, String secretVersion) {

    public static StoredTokens sealed(SealedValue accessToken, SealedValue refreshToken, String tokenType) {
        return new StoredTokens(accessToken, refreshToken, tokenType, null);
    }

    public static StoredTokens inSecret(String secretVersion, String tokenType) {
        return new StoredTokens(null, null, tokenType, secretVersion);
    }

    public boolean inSecretsManager() {
        return secretVersion != null;
    }

    /** Whether both name the same stored refresh token (same ciphertext, or same secret version). */
    public boolean sameRefreshTokenAs(StoredTokens other) {
        if (other == null) return false;
        if (inSecretsManager() || other.inSecretsManager()) return secretVersion != null && secretVersion.equals(other.secretVersion);
        return refreshToken != null && other.refreshToken != null
                && java.util.Arrays.equals(refreshToken.ciphertext(), other.refreshToken.ciphertext());
    }
}
