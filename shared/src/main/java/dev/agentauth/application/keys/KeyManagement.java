package dev.agentauth.application.keys;

/** Port: the rotation controls of the stack's customer-managed key. */
public interface KeyManagement {

    KeyRotationState state();

    /** Turns automatic rotation on at {@code periodDays} (KMS allows 90 to 2560). */
    void enableAutomaticRotation(String keyId, int periodDays);

    /** Rotates the key material now; older ciphertexts keep decrypting under the same key id. */
    void rotateNow(String keyId);
}
