package dev.agentauth.application.refresh;

import java.time.Duration;

/**
 * How a scheduled refresh run works through its due accounts: it takes accounts due up to
 * {@code lookAhead} from now (one schedule interval, so nothing expires between two runs),
 * refreshes at most {@code parallelism} at once, and reads the index {@code pageSize} keys at a time.
 */
public record RefreshSettings(Duration lookAhead, int parallelism, int pageSize) {

    public static final RefreshSettings DEFAULTS = new RefreshSettings(Duration.ofMinutes(5), 16, 500);

    public RefreshSettings {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1");
        if (lookAhead.isNegative()) throw new IllegalArgumentException("lookAhead must not be negative");
    }
}
