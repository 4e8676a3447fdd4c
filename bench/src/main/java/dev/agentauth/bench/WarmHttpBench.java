package dev.agentauth.bench;

import dev.agentauth.json.Json;
import dev.agentauth.local.LocalRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Section 3b: warm latency of the main routes through the local runtime ({@code ./dev run}'s
 * {@link LocalRuntime}: JDK HTTP server, JWT authorizer, HTTP API events, each function in its
 * own class loader), sequential requests from one HTTP client after a warm-up, against the
 * emulator floor (the same AWS calls, counted by the SDK interceptor, made directly with the SDK
 * against the same moto from the same JVM, see {@link InProcessFloor}) measured right after each
 * route, and against an empty JDK HTTP server (what the loopback round trip alone costs).
 *
 * <p>The runtime runs in the bench's JVM, as {@code ./dev run} runs it in its own: one JVM with
 * the gateway and every function's class loader. The HTTP client shares that JVM; it does the
 * same when timing the empty server, so the comparison between the two is like for like.
 */
final class WarmHttpBench {

    static final String TENANT = Events.TENANT;
    static final String STACK = "bench-http";
    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

    private final Path root;
    private final Emulator emulator;
    private final ColdStartBench bench;
    private final Template template;
    private final Path work;
    private final Consumer<String> log;
    private final int warmup;
    private final int iterations;
    private final Duration routeBudget;

    WarmHttpBench(Path root, Emulator emulator, ColdStartBench bench, Template template, Path work, Consumer<String> log,
                  int warmup, int iterations, Duration routeBudget) {
        this.root = root;
        this.emulator = emulator;
        this.bench = bench;
        this.template = template;
        this.work = work;
        this.log = log;
        this.warmup = warmup;
        this.iterations = iterations;
        this.routeBudget = routeBudget;
    }

    WarmHttpResults run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        // The functions' outbound client sets a Host header, which java.net.http allows only when this property is
        // set before its first use in the JVM (./dev run's JVM has no other java.net.http user; here the bench's
        // client shares the JVM and would come first). ./dev bench also passes it on the command line.
        if (System.getProperty(RESTRICTED_HEADERS) == null) System.setProperty(RESTRICTED_HEADERS, "host");
        WarmHttpResults results = new WarmHttpResults();
        results.mode = "in-process (the bench JVM runs LocalRuntime as ./dev run's JVM does)";
        results.warmup = warmup;
        results.iterations = iterations;
        results.budgetSeconds = routeBudget.toMillis() / 1000.0;
        String run = Long.toString(System.currentTimeMillis(), 36);

        // the functions log JSON lines to stdout as in Lambda; they go to a file, not over the bench's console
        Path functionLog = work.resolve("local-runtime-stdout.log");
        results.functionLog = root.relativize(functionLog).toString();
        PrintStream console = System.out;
        Instant starting = Instant.now();
        try (PrintStream logFile = new PrintStream(Files.newOutputStream(functionLog), true, StandardCharsets.UTF_8);
             LocalRuntime runtime = start(logFile, run)) {
            results.startSeconds = seconds(starting);
            LocalApi api = new LocalApi(runtime.uri("/"));
            String token = api.token(TENANT, Events.ALL_SCOPES);
            Instant seeding = Instant.now();
            RuntimeFixtures fixtures = RuntimeFixtures.create(runtime, api, token, run);
            results.seedSeconds = seconds(seeding);
            log.accept("bench: local runtime on " + runtime.baseUrl() + " (started in " + Report.fmt(results.startSeconds, 1)
                    + " s), connection " + fixtures.connectionId + ", account " + fixtures.accountId);
            // the bare round trip, timed in the same conditions as the routes (the runtime up and idle)
            try (EmptyHttpServer empty = EmptyHttpServer.start()) {
                LocalApi emptyApi = new LocalApi(empty.baseUrl());
                results.emptyServer = time(emptyApi, ApiCall.get("empty", "/v1/providers"), null, new WarmHttpResults.Route("empty"), 0);
                log.accept("bench: empty JDK HTTP server round trip p50 " + Report.fmt(results.emptyServer.p50(), 3) + " ms");
            }
            RouteCallCounter counter = new RouteCallCounter(runtime, bench, template, work.resolve("events"));
            Map<String, Stats> floors = new LinkedHashMap<>();
            for (ApiCall call : calls(fixtures, run)) {
                WarmHttpResults.Route route = new WarmHttpResults.Route(call.label());
                results.routes.add(route);
                route.method = call.method();
                route.path = call.pathAndQuery();
                try {
                    measure(route, call, api, token, counter, floors);
                } catch (RuntimeException e) {
                    route.errors.add(e.getMessage());
                    log.accept("bench: " + call.label() + " through the local runtime failed: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            results.errors.add("local runtime: " + e.getMessage());
            log.accept("bench: local runtime measurement failed: " + e.getMessage());
        } finally {
            System.setOut(console);
        }
        results.elapsedSeconds = seconds(started);
        return results;
    }

    private LocalRuntime start(PrintStream functionLog, String run) {
        System.setOut(functionLog);
        return LocalRuntime.start(new LocalRuntime.Options(root, 0, false, true, Optional.of(emulator.endpoint()), STACK + "-" + run));
    }

    /**
     * The routes, reads before writes so that the writes' growth (versions, audit records,
     * connections) does not change what the reads return while they are timed.
     */
    static List<ApiCall> calls(RuntimeFixtures fixtures, String run) {
        String connection = "/v1/connections/" + fixtures.connectionId;
        List<ApiCall> calls = new ArrayList<>();
        calls.add(ApiCall.get("list providers", "/v1/providers"));
        calls.add(ApiCall.get("get connection", connection));
        calls.add(ApiCall.get("list connections", "/v1/connections?limit=20"));
        calls.add(ApiCall.get("list connection versions", connection + "/versions"));
        calls.add(ApiCall.get("list audit records", "/v1/audit?connection_id=" + fixtures.connectionId + "&limit=50"));
        calls.add(ApiCall.post("account token (cached)", "/v1/accounts/" + fixtures.accountId + "/token", n -> null));
        calls.add(ApiCall.post("client-credentials token (cached)", "/v1/connections/" + fixtures.oauthConnectionId + "/token", n -> null));
        calls.add(new ApiCall("create connection", "POST", "/v1/connections",
                n -> Map.of("Content-Type", "application/json", "Idempotency-Key", "bench-http-" + run + "-" + n),
                n -> Json.write(RuntimeFixtures.slackConnection("bench-http-" + run + "-" + n))));
        calls.add(new ApiCall("update connection", "PATCH", connection, n -> Map.of("Content-Type", "application/merge-patch+json"),
                n -> Json.write(Map.of("description", "bench http update " + run + "-" + n))));
        return calls;
    }

    private void measure(WarmHttpResults.Route route, ApiCall call, LocalApi api, String token, RouteCallCounter counter,
                         Map<String, Stats> floors) throws IOException, InterruptedException {
        RouteCallCounter.Counted counted = counter.count(call, token, 1_000_000);
        route.functionId = counted.functionId();
        route.routeKey = counted.routeKey();
        route.coldCalls = counted.cold();
        route.calls = counted.warm();
        route.countedStatus = counted.status();
        route.floorSpec = route.calls.floorSpec();
        route.http = time(api, call, token, route, 0);
        if (!route.floorSpec.isEmpty()) {
            Stats floor = floors.get(route.floorSpec);
            if (floor == null) {
                floor = InProcessFloor.warm(bench.floorEnvironment(route.floorSpec), warmup, iterations, routeBudget);
                floors.put(route.floorSpec, floor);
            }
            route.floor = floor;
        }
        log.accept("bench: " + route.label + " (" + route.routeKey + ") through the local runtime: calls " + route.calls.describe()
                + ", p50 " + Report.fmt(route.http.p50(), 2) + " ms, p99 " + Report.fmt(route.http.p99(), 2) + " ms"
                + (route.floor == null ? "" : ", floor p99 " + Report.fmt(route.floor.p99(), 2) + " ms, ratio " + Report.fmt(route.ratio(), 2)));
    }

    /** Warm-up, then up to {@code iterations} timed sequential requests (at least 20, at most the route's time budget). */
    private Stats time(LocalApi api, ApiCall call, String token, WarmHttpResults.Route route, int first) {
        long budget = routeBudget.toNanos();
        long start = System.nanoTime();
        int n = first;
        for (int i = 0; i < warmup && (i < 5 || System.nanoTime() - start < budget / 4); i++) {
            LocalApi.Answer answer = api.send(call, token, n++);
            if (i == 0 && answer.status() >= 300) {
                throw new IllegalStateException(call.method() + " " + call.pathAndQuery() + " answered " + answer);
            }
        }
        List<Double> samples = new ArrayList<>();
        long measuring = System.nanoTime();
        for (int i = 0; i < iterations && (i < 20 || System.nanoTime() - measuring < budget); i++) {
            var request = api.request(call, token, n++);
            long t0 = System.nanoTime();
            LocalApi.Answer answer = api.send(request);
            samples.add((System.nanoTime() - t0) / 1_000_000.0);
            route.statuses.merge(answer.status(), 1, Integer::sum);
        }
        route.statuses.keySet().stream().filter(s -> s >= 300)
                .forEach(s -> route.errors.add(route.statuses.get(s) + " timed requests answered " + s));
        return Stats.of(samples);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
