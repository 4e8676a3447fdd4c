package dev.agentauth.application.scheduling;

/**
 * Port: remembers which deliveries of a scheduled job have started, so a delivery that Lambda
 * repeats (EventBridge delivers at least once) does nothing the second time.
 *
 * <p>A run is claimed when it starts, not when it ends: a run cut off half-way is not repeated
 * by a redelivery, because the next tick finds the remaining work from stored state (the
 * refresh-due index, the rotation records), never from the event.
 */
public interface RunLedger {

    /** Claims {@code runId} for {@code job}; {@code true} for the first claim, {@code false} for every later one. */
    boolean claim(String job, String runId);
}
