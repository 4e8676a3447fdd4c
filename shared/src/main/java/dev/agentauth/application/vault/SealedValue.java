package dev.agentauth.application.vault;

import java.util.Arrays;

/**
 * A value the vault sealed: the KMS key that wrapped the data key (so the value still opens
 * after the alias moves or the key rotates), the wrapped data key, the IV and the AES-GCM
 * ciphertext (with its tag). Holds no plaintext; safe to store and to log its size.
 */
public record SealedValue(String keyId, byte[] encryptedDataKey, byte[] iv, byte[] ciphertext) {

    public SealedValue {
        encryptedDataKey = encryptedDataKey.clone();
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] encryptedDataKey() {
        return encryptedDataKey.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedValue s && keyId.equals(s.keyId) && Arrays.equals(encryptedDataKey, s.encryptedDataKey)
                && Arrays.equals(iv, s.iv) && Arrays.equals(ciphertext, s.ciphertext);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedValue[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
