package dev.agentauth.application.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void automaticRotationUsesThePeriodWithinWhatKmsAllows() {
        assertEquals(365, new KeyRotationPolicy(365).automaticPeriodDays());
        assertEquals(90, new KeyRotationPolicy(30).automaticPeriodDays());
        assertEquals(2560, new KeyRotationPolicy(5000).automaticPeriodDays());
    }

    @Test
    void aPeriodShorterThanKmsAllowsIsMetByOnDemandRotationOnceTheMaterialIsOlder() {
        KeyRotationPolicy monthly = new KeyRotationPolicy(30);

        assertTrue(monthly.onDemandDue(NOW.minus(Duration.ofDays(30)), NOW));
        assertFalse(monthly.onDemandDue(NOW.minus(Duration.ofDays(29)), NOW));
        assertFalse(new KeyRotationPolicy(365).onDemandDue(NOW.minus(Duration.ofDays(400)), NOW),
                "KMS's automatic rotation covers periods it supports");
    }
}
