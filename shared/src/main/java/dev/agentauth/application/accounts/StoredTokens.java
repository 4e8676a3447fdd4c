package dev.agentauth.application.accounts;

import dev.agentauth.application.vault.SealedValue;

/** An account's tokens as stored: sealed by the vault. {@code refreshToken} may be null. */
public record StoredTokens(SealedValue accessToken, SealedValue refreshToken, String tokenType) {}
