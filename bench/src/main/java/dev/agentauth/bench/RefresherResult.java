package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The raw numbers of the refresher section (also written to latest.json under "refresher"). */
final class RefresherResult {

    /**
     * What is measured: one run at each stored count with {@code due} accounts due; a throughput
     * run with as many due accounts as the first run's rate refreshes in {@code throughputSeconds}
     * (at least twice {@code due}, at most {@code throughputMaxDue}) against a provider answering in
     * {@code providerDelayMs}; the emulator floor over {@code floorRefreshes} refreshes' calls.
     * The default keeps the section near 2 minutes on a busy 2-core machine (moto walks the whole
     * table for every index query: 50,000 stored accounts cost seconds per query).
     */
    record Plan(List<Integer> stored, int due, int throughputMaxDue, int throughputSeconds, long providerDelayMs, int floorRefreshes) {
        static final Plan DEFAULT = new Plan(List.of(1_000, 10_000, 50_000), 50, 1_000, 20, 100, 48);
    }

    /**
     * One run of the function: the accounts in the table and those due, what the run reported,
     * the AWS calls it made and the time spent in each operation (measured at the SDK in the
     * function's JVM, summed over its threads), its duration, the provider's token requests
     * during it and the time the seeding took.
     */
    record Run(int stored, int due, int refreshed, boolean complete, int errors, Map<String, Integer> outcomes,
            double runMs, double initMs, Results.CallCount calls, Map<String, Double> callMs, int providerRefreshes, double seedSeconds) {

        static final String INDEX_QUERY = "DynamoDb.Query";

        double refreshesPerMinute() {
            return runMs <= 0 ? Double.NaN : refreshed * 60_000.0 / runMs;
        }

        /** Time in the index queries, which the handler's thread makes one after another. */
        double indexQueriesMs() {
            return callMs.getOrDefault(INDEX_QUERY, 0.0);
        }

        /** Time in every other AWS call (the refreshes' reads, lease, vault, writes, audit; and the run-ledger claim) per refreshed account. */
        double awsMsPerRefresh() {
            double other = callMs.values().stream().mapToDouble(Double::doubleValue).sum() - indexQueriesMs();
            return refreshed == 0 ? Double.NaN : other / refreshed;
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
    /** The machine's one-minute load average when the section started (CPU waits show up in every time here). */
    double loadAverage;
    final List<String> errors = new ArrayList<>();
}
