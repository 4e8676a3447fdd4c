package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The raw numbers of the refresher section (also written to latest.json under "refresher"). */
final class RefresherResult {

    /** What was measured: stored account counts with {@code due} fixed, then {@code throughputDue} against a provider of {@code providerDelayMs}. */
    record Plan(List<Integer> stored, int due, int throughputDue, long providerDelayMs, int floorRefreshes) {
        static final Plan DEFAULT = new Plan(List.of(1_000, 10_000, 50_000), 200, 1_000, 100, 300);
    }

    /**
     * One run of the function: the accounts in the table and those due, what the run reported,
     * the AWS calls it made, its duration, the provider's token requests during it, the time the
     * seeding took and the time of the run's index queries made directly (the emulator's share).
     */
    record Run(int stored, int due, int refreshed, boolean complete, int errors, Map<String, Integer> outcomes,
            double runMs, double initMs, Results.CallCount calls, int providerRefreshes, double seedSeconds, double indexQueriesMs) {

        double refreshesPerMinute() {
            return runMs <= 0 ? Double.NaN : refreshed * 60_000.0 / runMs;
        }
    }

    /** The AWS calls of one refresh made directly against the emulator, {@code refreshes} times with {@code parallelism} threads. */
    record Floor(Map<String, Integer> callsPerRefresh, int refreshes, int parallelism, double ms) {
        double refreshesPerMinute() {
            return ms <= 0 ? Double.NaN : refreshes * 60_000.0 / ms;
        }
    }

    Plan plan;
    String function;
    String execution;
    int shards;
    int parallelism;
    int timeoutSeconds;
    final List<Run> scaling = new ArrayList<>();
    Run throughput;
    Floor floor;
    double seconds;
    final List<String> errors = new ArrayList<>();
}
