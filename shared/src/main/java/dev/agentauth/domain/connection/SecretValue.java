package dev.agentauth.domain.connection;

import java.util.Objects;

/**
 * A credential in plain text (client secret, API key). It exists only between the request and
 * the credential store; {@link #toString()} never shows it, so it cannot leak through logs.
 */
public final class SecretValue {

    private final String value;

    public SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The plain text, for the credential store and outbound calls only. */
    public String reveal() {
        return value;
    }

    /** The last four characters (fewer for very short values), shown to owners to recognise a secret. */
    public String last4() {
        return value.length() <= 4 ? "" : value.substring(value.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue s && java.security.MessageDigest.isEqual(
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "SecretValue[***]";
    }
}
