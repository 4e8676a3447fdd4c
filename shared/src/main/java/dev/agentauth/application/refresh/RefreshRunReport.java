package dev.agentauth.application.refresh;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one scheduled refresh run did. {@code duplicate} says the delivery had been seen before
 * and nothing ran; {@code complete} is false when the deadline stopped the run before every due
 * account was handled (the next run takes the rest); {@code maxLag} is how late the most
 * overdue account was handled.
 */
public record RefreshRunReport(boolean duplicate, boolean complete, Map<RefreshOutcome, Integer> outcomes,
        int errors, Duration maxLag) {

    public RefreshRunReport {
        outcomes = Map.copyOf(outcomes);
    }

    public static RefreshRunReport duplicateDelivery() {
        return new RefreshRunReport(true, true, new EnumMap<>(RefreshOutcome.class), 0, Duration.ZERO);
    }

    public int count(RefreshOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    public int handled() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum() + errors;
    }
}
