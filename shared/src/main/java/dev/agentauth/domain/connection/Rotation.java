package dev.agentauth.domain.connection;

/** Credential rotation policy: the credential is due for rotation after {@code maxAgeDays}. */
public record Rotation(int maxAgeDays) {
    public static final Rotation DEFAULT = new Rotation(90);
}
