package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min, max and percentiles of a sample (nearest-rank). */
record Stats(int n, double median, double min, double max, double p50, double p99) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, median, sorted.get(0), sorted.get(n - 1), percentile(sorted, 50), percentile(sorted, 99));
    }

    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
