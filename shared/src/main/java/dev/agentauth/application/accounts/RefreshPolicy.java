package dev.agentauth.application.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * The timings of single-flight refresh.
 *
 * @param lease how long a refresher owns an account; longer than the token call's timeout, so a
 *              lease never expires while its owner still waits for the provider
 * @param maxWait how long a caller that lost the lease polls for the winner's result
 * @param firstPoll, maxPoll the losers' polling back-off
 * @param cooldown, maxCooldown back-off after a transient provider failure (doubles per failure)
 * @param probeInterval when tokens without an expiry are looked at again
 */
public record RefreshPolicy(Duration lease, Duration maxWait, Duration firstPoll, Duration maxPoll,
        Duration cooldown, Duration maxCooldown, Duration probeInterval) {

    public static RefreshPolicy defaults() {
        return new RefreshPolicy(Duration.ofSeconds(25), Duration.ofSeconds(12), Duration.ofMillis(20),
                Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));
    }

    Duration poll(int attempt) {
        long millis = firstPoll.toMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(Math.min(millis, maxPoll.toMillis()));
    }

    Duration cooldownAfter(int failures) {
        long seconds = cooldown.toSeconds() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofSeconds(Math.min(seconds, maxCooldown.toSeconds()));
    }

    /** When the refresher should next look: the refresh buffer before expiry, or a probe time. */
    Instant dueAt(Instant expiresAt, Duration refreshBuffer, Instant now) {
        return expiresAt == null ? now.plus(probeInterval) : expiresAt.minus(refreshBuffer);
    }
}
