package dev.agentauth.domain.connection;

import java.time.Instant;

/**
 * What is known about a stored credential without reading it: that it is set, its last four
 * characters and when it changed. {@code versionId} names the credential store's version that
 * this connection version uses (internal, never rendered).
 */
public record CredentialSummary(boolean set, String last4, Instant updatedAt, String versionId) {

    public static CredentialSummary of(SecretValue secret, Instant updatedAt, String versionId) {
        return new CredentialSummary(true, secret.last4(), updatedAt, versionId);
    }
}
