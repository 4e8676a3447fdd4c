package dev.agentauth.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pacer whose waits are recorded and take no time: retry tests stay fast and exact. */
public final class FakePacer implements Pacer {

    private final List<Duration> sleeps = new ArrayList<>();
    private long waitedNanos;

    @Override
    public synchronized long nanoTime() {
        return System.nanoTime() + waitedNanos;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        waitedNanos += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
