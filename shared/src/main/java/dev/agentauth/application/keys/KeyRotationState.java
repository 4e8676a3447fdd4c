package dev.agentauth.application.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * What KMS says about the stack key: its id (the alias resolved), whether automatic rotation
 * is on and at what period (when KMS reports it), and when its key material last changed
 * (the latest rotation, or the key's creation).
 */
public record KeyRotationState(String keyId, String keyArn, boolean automaticRotation, Optional<Integer> periodDays,
        Instant materialSince) {

    /** Whether a key reference (id or ARN, as a ciphertext records it) names this key. */
    public boolean names(String keyReference) {
        return keyReference != null && (keyReference.equals(keyId) || keyReference.equals(keyArn));
    }
}
