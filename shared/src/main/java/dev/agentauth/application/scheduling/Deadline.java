package dev.agentauth.application.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a scheduled run must stop starting new work: the invocation's end minus a margin for
 * the work already in flight. What is left over is found again by the next run.
 */
public record Deadline(Instant stopAt, Clock clock) {

    public static Deadline within(Clock clock, Duration remaining, Duration margin) {
        return new Deadline(clock.instant().plus(remaining).minus(margin), clock);
    }

    public boolean reached() {
        return !clock.instant().isBefore(stopAt);
    }
}
