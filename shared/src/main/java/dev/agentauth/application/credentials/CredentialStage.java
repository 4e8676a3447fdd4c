package dev.agentauth.application.credentials;

/** The labels a credential version can carry during rotation (Secrets Manager's staging labels). */
public enum CredentialStage {
    /** staged, not yet in use (being tested) */
    PENDING,
    /** in use */
    CURRENT,
    /** the one used before the current one, kept for rollback */
    PREVIOUS
}
