package dev.agentauth.application.connections;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How a write that lost an optimistic race waits before re-reading: a short random pause that
 * grows with the attempt, so concurrent writers spread out instead of colliding again.
 */
final class RaceBackoff {

    /** Enough for dozens of concurrent writers on one connection; each attempt is a read and a write. */
    static final int ATTEMPTS = 20;

    private RaceBackoff() {}

    static void pause(int attempt) {
        long bound = Math.min(200, 5L + 10L * attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a concurrent update", e);
        }
    }
}
