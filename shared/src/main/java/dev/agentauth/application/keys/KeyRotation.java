package dev.agentauth.application.keys;

import java.time.Clock;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stack key rotating: automatic rotation stays on at the stack's period (someone
 * may have turned it off or changed the period by hand), and a period shorter than KMS
 * allows is met by rotating on demand when the material is older than the period.
 * Safe to repeat: it only acts when KMS's state differs from the policy.
 */
public final class KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    private final KeyManagement kms;
    private final KeyRotationPolicy policy;
    private final Clock clock;

    @Inject
    public KeyRotation(KeyManagement kms, KeyRotationPolicy policy, Clock clock) {
        this.kms = kms;
        this.policy = policy;
        this.clock = clock;
    }

    public KeyRotationOutcome enforce() {
        KeyRotationState state = kms.state();
        boolean enable = !state.automaticRotation()
                || state.periodDays().map(days -> days != policy.automaticPeriodDays()).orElse(false);
        if (enable) {
            LOG.warn("automatic rotation of key {} was off or at another period; setting {} days", state.keyId(),
                    policy.automaticPeriodDays());
            kms.enableAutomaticRotation(state.keyId(), policy.automaticPeriodDays());
        }
        boolean rotate = policy.onDemandDue(state.materialSince(), clock.instant());
        if (rotate) {
            LOG.info("rotating key {} on demand: material since {} is older than {} days", state.keyId(),
                    state.materialSince(), policy.periodDays());
            kms.rotateNow(state.keyId());
        }
        return new KeyRotationOutcome(state.keyId(), enable, rotate);
    }
}
