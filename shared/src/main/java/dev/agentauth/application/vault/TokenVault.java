package dev.agentauth.application.vault;

/**
 * Port: envelope encryption of per-user secrets (access and refresh tokens, PKCE verifiers).
 * A sealed value opens only under the exact {@link VaultContext} it was sealed with.
 *
 * <p>Implementations may cache data keys within safe bounds, so opening a value on a warm
 * instance need not call the key service each time.
 */
public interface TokenVault {

    SealedValue seal(VaultContext context, byte[] plaintext);

    /** @throws VaultException when the value does not open under this context (moved, tampered, wrong key) */
    byte[] open(VaultContext context, SealedValue sealed);

    /** A value did not seal or open. The message never contains plaintext or key material. */
    final class VaultException extends RuntimeException {
        public VaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
