package dev.agentauth.application.keys;

import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.application.rotation.RotationDueNotices;
import dev.agentauth.application.rotation.RotationRecords;
import dev.agentauth.application.scheduling.RunLedger;
import dev.agentauth.application.scheduling.ScheduledRun;
import dev.agentauth.domain.rotation.CredentialRotation;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily key rotator: keeps the stack key rotating, re-seals vault items written under an
 * older key (after the alias moved), finishes credential rotations that were
 * cut off (found in the open-rotations index, not from the event), and announces credentials
 * due for rotation. Each part runs even when another fails; a failed part fails the
 * invocation afterwards (so the error alarm sees it) and is retried by the next run.
 */
public final class ScheduledKeyRotation {

    public static final String JOB = "key-rotation";
    /** An open rotation untouched this long was interrupted (a live request finishes within its 29 s). */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);
    private static final int RESUME_BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledKeyRotation.class);

    /** What a run did; {@code duplicate} when the delivery had been seen before. */
    public record Report(boolean duplicate, Optional<KeyRotationOutcome> key, int vaultItemsResealed, int rotationsResumed,
            int rotationDueNotices, int failedParts) {}

    private final RunLedger ledger;
    private final KeyRotation keyRotation;
    private final VaultReencryption reencryption;
    private final RotationRecords records;
    private final CredentialRotations rotations;
    private final RotationDueNotices notices;
    private final Clock clock;

    @Inject
    public ScheduledKeyRotation(RunLedger ledger, KeyRotation keyRotation, VaultReencryption reencryption, RotationRecords records,
            CredentialRotations rotations, RotationDueNotices notices, Clock clock) {
        this.ledger = ledger;
        this.keyRotation = keyRotation;
        this.reencryption = reencryption;
        this.records = records;
        this.rotations = rotations;
        this.notices = notices;
        this.clock = clock;
    }

    public Report run(ScheduledRun run) {
        if (!ledger.claim(JOB, run.id())) return new Report(true, Optional.empty(), 0, 0, 0, 0);
        int failed = 0;
        Optional<KeyRotationOutcome> key = Optional.empty();
        try {
            key = Optional.of(keyRotation.enforce());
        } catch (RuntimeException e) {
            LOG.error("enforcing key rotation failed: {}", e.getClass().getName(), e);
            failed++;
        }
        int resealed = 0;
        try {
            resealed = reencryption.continuePass(run.deadline());
        } catch (RuntimeException e) {
            LOG.error("re-sealing vault items failed: {}", e.getClass().getName(), e);
            failed++;
        }
        int resumed = 0;
        for (CredentialRotation open : records.openBefore(clock.instant().minus(INTERRUPTED_AFTER), RESUME_BATCH)) {
            if (run.deadline().reached()) break;
            try {
                rotations.resume(open);
                resumed++;
            } catch (RuntimeException e) {
                LOG.error("resuming rotation {} failed: {}", open.rotationId(), e.getClass().getName(), e);
                failed++;
            }
        }
        int announced = 0;
        try {
            announced = notices.announce(run.deadline());
        } catch (RuntimeException e) {
            LOG.error("announcing rotations due failed: {}", e.getClass().getName(), e);
            failed++;
        }
        Report report = new Report(false, key, resealed, resumed, announced, failed);
        LOG.info("run {}: {}", run.id(), report);
        if (failed > 0) throw new IllegalStateException(failed + " part(s) of the key rotation run failed; the next run retries");
        return report;
    }
}
