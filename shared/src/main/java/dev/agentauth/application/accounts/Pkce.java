package dev.agentauth.application.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RFC 7636 PKCE with S256 only: a verifier of 64 characters (48 bytes from a CSPRNG,
 * base64url) and challenge = base64url(SHA-256(verifier)). {@code plain} is never used.
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    public Pkce {
        if (verifier.length() < 43 || verifier.length() > 128) throw new IllegalArgumentException("PKCE verifier must be 43-128 characters");
    }

    public static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}
