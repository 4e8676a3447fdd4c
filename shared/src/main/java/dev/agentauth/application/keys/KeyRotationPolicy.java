package dev.agentauth.application.keys;

import java.time.Duration;
import java.time.Instant;

/**
 * The rotation the stack asks for ({@code periodDays}, the template's KeyRotationPeriodDays).
 * KMS rotates automatically every 90 to 2560 days; a shorter period is met with on-demand
 * rotations, a longer one is capped at KMS's maximum.
 */
public record KeyRotationPolicy(int periodDays) {

    public static final int KMS_MIN_DAYS = 90;
    public static final int KMS_MAX_DAYS = 2560;

    public KeyRotationPolicy {
        if (periodDays < 1) throw new IllegalArgumentException("the key rotation period must be at least one day");
    }

    /** The period to set on KMS's automatic rotation. */
    public int automaticPeriodDays() {
        return Math.clamp(periodDays, KMS_MIN_DAYS, KMS_MAX_DAYS);
    }

    /** Whether the material is older than the period and automatic rotation cannot be relied on for it. */
    public boolean onDemandDue(Instant materialSince, Instant now) {
        return periodDays < KMS_MIN_DAYS && !materialSince.plus(Duration.ofDays(periodDays)).isAfter(now);
    }
}
