package dev.agentauth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The raw numbers of warm latency through the local runtime's HTTP front (section 3b). */
final class WarmHttpResults {

    /** The goal: warm p99 within this many times the emulator floor's p99. */
    static final double GOAL = 1.2;

    static final class Route {
        final String label;
        String method;
        String path;
        String routeKey;
        String functionId;
        Results.CallCount coldCalls;
        Results.CallCount calls;
        String countedStatus;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        Stats http;
        String floorSpec;
        Stats floor;
        final List<String> errors = new ArrayList<>();

        Route(String label) {
            this.label = label;
        }

        /** p99 through the runtime over p99 of the emulator floor (NaN without AWS calls or a floor). */
        double ratio() {
            if (http == null || floor == null || floor.n() == 0 || floorSpec == null || floorSpec.isEmpty()) return Double.NaN;
            return http.p99() / floor.p99();
        }

        /** Median through the runtime minus the floor's median: what the HTTP front and the function add. */
        double overheadP50() {
            if (http == null) return Double.NaN;
            if (floor == null || floor.n() == 0) return http.p50();
            return http.p50() - floor.p50();
        }
    }

    boolean skipped;
    String mode;
    int warmup;
    int iterations;
    double budgetSeconds;
    double startSeconds;
    double seedSeconds;
    Stats emptyServer;
    final List<Route> routes = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    String functionLog;
    double elapsedSeconds;

    static WarmHttpResults skipped() {
        WarmHttpResults results = new WarmHttpResults();
        results.skipped = true;
        return results;
    }
}
