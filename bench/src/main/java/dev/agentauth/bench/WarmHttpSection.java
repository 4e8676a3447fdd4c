package dev.agentauth.bench;

import static dev.agentauth.bench.Report.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Section 3b of the report (Markdown) and its raw numbers (JSON): warm latency through the local runtime. */
final class WarmHttpSection {

    private WarmHttpSection() {}

    static void markdown(StringBuilder md, WarmHttpResults http) {
        md.append("## 3b. Warm latency through the local runtime\n\n");
        if (http == null || http.skipped) {
            md.append("not measured in this run (`--no-http`).\n\n");
            return;
        }
        md.append("Sequential HTTP requests from one java.net.http client (HTTP/1.1, kept alive) to the local runtime (`./dev run`'s ")
                .append("`LocalRuntime`: JDK HTTP server, JWT authorizer, API Gateway events, each function in its own class loader from ")
                .append("its packaged artifact) on the same moto; ").append(http.warmup).append(" warm-up requests, then up to ")
                .append(http.iterations).append(" timed (at most ").append(fmt(http.budgetSeconds, 0))
                .append(" s per route; n is the sample count). The runtime runs ").append(http.mode)
                .append(". Data is made through the API: a connection, a `custom` OAuth connection to the runtime's sandbox OAuth server ")
                .append("with an account connected by the real authorization-code flow (PKCE), whose tokens are then served from the vault's cache. ")
                .append("AWS calls per request are counted by the SDK interceptor on the same function artifact with the runtime's environment and ")
                .append("the gateway's event (a counting child JVM, so the runtime being timed carries no interceptor); the emulator floor makes those ")
                .append("calls directly with the SDK (section 3's bare floor handler, warm, invoked in the same JVM right after the route, same warm-up and budget) against the same moto. ")
                .append("The functions' log lines (stdout, as in Lambda) go to `").append(http.functionLog).append("`. ")
                .append("Runtime started in ").append(fmt(http.startSeconds, 1)).append(" s, data made in ").append(fmt(http.seedSeconds, 1))
                .append(" s, section took ").append(fmt(http.elapsedSeconds, 0)).append(" s.\n\n");
        md.append("| Route | Function | AWS calls per request (warm) | Status | n | p50 ms | p99 ms | Floor p50 ms | Floor p99 ms | p99 × floor (goal ≤ ")
                .append(fmt(WarmHttpResults.GOAL, 1)).append(") | p50 above floor ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WarmHttpResults.Route r : http.routes) {
            boolean hasFloor = r.floor != null && r.floor.n() > 0;
            md.append("| ").append(r.routeKey == null ? r.method + " " + r.path : r.routeKey).append(" | ").append(r.functionId == null ? "–" : r.functionId)
                    .append(" | ").append(r.calls == null ? "–" : r.calls.describe())
                    .append(" | ").append(r.statuses.isEmpty() ? "–" : statuses(r))
                    .append(" | ").append(r.http == null ? "–" : r.http.n())
                    .append(" | ").append(r.http == null ? "–" : fmt(r.http.p50(), 2)).append(" | ").append(r.http == null ? "–" : fmt(r.http.p99(), 2))
                    .append(" | ").append(hasFloor ? fmt(r.floor.p50(), 2) : "–").append(" | ").append(hasFloor ? fmt(r.floor.p99(), 2) : "–")
                    .append(" | ").append(ratio(r)).append(" | ").append(hasFloor ? fmt(r.overheadP50(), 2) : "–").append(" |\n");
        }
        md.append("\n");
        WarmHttpResults.Route providers = http.routes.stream().filter(r -> r.calls != null && r.calls.total() == 0 && r.http != null)
                .findFirst().orElse(null);
        if (http.emptyServer != null && http.emptyServer.n() > 0) {
            md.append("What the HTTP front costs: an empty JDK HTTP server (same server class and executor as the gateway, constant answer) ")
                    .append("round trip from the same client: p50 ").append(fmt(http.emptyServer.p50(), 3)).append(" ms, p99 ")
                    .append(fmt(http.emptyServer.p99(), 3)).append(" ms");
            if (providers != null) {
                md.append("; ").append(providers.routeKey).append(" (no AWS call: authorizer, event, one function invocation, its JSON) p50 ")
                        .append(fmt(providers.http.p50(), 3)).append(" ms, p99 ").append(fmt(providers.http.p99(), 3))
                        .append(" ms, so gateway plus function add ").append(fmt(providers.http.p50() - http.emptyServer.p50(), 2))
                        .append(" ms at p50 to the bare round trip");
            }
            md.append(". The floor of a route with AWS calls contains no HTTP round trip at all, so the ratio carries the whole front.\n\n");
        }
        List<String> errors = new ArrayList<>(http.errors);
        for (WarmHttpResults.Route r : http.routes) r.errors.forEach(e -> errors.add(r.label + ": " + e));
        if (!errors.isEmpty()) {
            md.append("Problems:\n\n");
            errors.forEach(e -> md.append("- ").append(e.replace('\n', ' ')).append("\n"));
            md.append("\n");
        }
    }

    static Map<String, Object> json(WarmHttpResults http) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (http == null || http.skipped) {
            root.put("skipped", true);
            return root;
        }
        root.put("mode", http.mode);
        root.put("function_log", http.functionLog);
        root.put("warmup", http.warmup);
        root.put("iterations", http.iterations);
        root.put("budget_seconds_per_route", http.budgetSeconds);
        root.put("runtime_start_seconds", http.startSeconds);
        root.put("seed_seconds", http.seedSeconds);
        root.put("elapsed_seconds", http.elapsedSeconds);
        root.put("goal_p99_ratio", WarmHttpResults.GOAL);
        root.put("empty_http_server_ms", http.emptyServer);
        List<Map<String, Object>> routes = new ArrayList<>();
        for (WarmHttpResults.Route r : http.routes) {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("label", r.label);
            route.put("request", r.method + " " + r.path);
            route.put("route_key", r.routeKey);
            route.put("function", r.functionId);
            route.put("calls_cold_instance", r.coldCalls);
            route.put("calls_warm_instance", r.calls);
            route.put("counted_status", r.countedStatus);
            route.put("statuses", r.statuses);
            route.put("http_ms", r.http);
            route.put("floor_calls", r.floorSpec);
            route.put("floor_ms", r.floor);
            route.put("p99_ratio", Double.isNaN(r.ratio()) ? null : r.ratio());
            route.put("errors", r.errors);
            routes.add(route);
        }
        root.put("routes", routes);
        root.put("errors", http.errors);
        return root;
    }

    private static String statuses(WarmHttpResults.Route r) {
        List<String> parts = new ArrayList<>();
        r.statuses.forEach((status, count) -> parts.add(r.statuses.size() == 1 ? String.valueOf(status) : status + "×" + count));
        return String.join(", ", parts);
    }

    private static String ratio(WarmHttpResults.Route r) {
        double ratio = r.ratio();
        if (Double.isNaN(ratio)) return r.calls != null && r.calls.total() == 0 ? "no AWS call" : "–";
        return fmt(ratio, 2) + (ratio <= WarmHttpResults.GOAL ? " ✓" : "");
    }
}
