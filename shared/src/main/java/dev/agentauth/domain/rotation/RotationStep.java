package dev.agentauth.domain.rotation;

/**
 * Where a credential rotation stands. Each step is stored before the next begins, so a run cut
 * off at any point is finished from its last stored step.
 */
public enum RotationStep {
    /** recorded; the new value is being staged (AWSPENDING) */
    STARTED,
    /** staged; being tested against the provider */
    STAGED,
    /** tested and made current (AWSCURRENT; the old one is AWSPREVIOUS); the connection is being updated */
    PROMOTED,
    /** the connection uses the new credential */
    COMPLETED,
    /** the new value did not pass its test (or could not be staged): it stays staged, the old one stays current */
    FAILED,
    /** a rollback to the previous credential is under way */
    ROLLING_BACK,
    /** the previous credential is current again */
    ROLLED_BACK;

    public boolean open() {
        return this == STARTED || this == STAGED || this == PROMOTED || this == ROLLING_BACK;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
