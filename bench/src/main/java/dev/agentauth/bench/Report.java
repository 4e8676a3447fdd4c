package dev.agentauth.bench;

import dev.agentauth.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a bench run as Markdown (bench/results/latest.md) and JSON (latest.json, raw/<time>.json). */
final class Report {

    static final double ARTIFACT_GOAL_BYTES = 10 * 1024 * 1024;
    static final double COLD_OVERHEAD_GOAL = 1.25;
    static final double WARM_P99_GOAL = 1.2;

    private Report() {}

    static void write(Results results, BenchMain.Options options) throws IOException {
        Path out = options.out();
        Files.createDirectories(out.resolve("raw"));
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(results));
        Files.writeString(out.resolve("latest.json"), json + "\n");
        Files.writeString(out.resolve("raw").resolve(results.machine.get("date").toString().replace(':', '-') + ".json"), json + "\n");
        Path decisions = options.root().resolve("bench/DECISIONS.md");
        String decisionText = Files.exists(decisions) ? Files.readString(decisions) : "";
        Files.writeString(out.resolve("latest.md"), markdown(results, decisionText));
    }

    static String markdown(Results results, String decisions) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `./dev bench` (bench/src/main/java/dev/agentauth/bench/BenchMain.java); do not edit by hand. ")
                .append("Machine: ").append(results.machine.get("cpus")).append(" CPUs, ").append(results.machine.get("java"))
                .append(", ").append(results.machine.get("os")).append("; run at ").append(results.machine.get("date"))
                .append(", took ").append(Math.round(results.elapsedSeconds)).append(" s. Emulator: moto (server mode) on the same machine. ")
                .append("Times on this shared, noisy machine are medians with min–max, and are read as ratios against floors measured in the same run.\n\n");
        md.append("Child JVMs are started like Lambda's Java runtime: the function's packaged artifact (`functions/<name>/target/lambda`: ")
                .append("classes, then `lib/*.jar`) on the classpath plus a small launcher jar that plays the runtime, `JAVA_TOOL_OPTIONS=")
                .append(results.machine.get("java_tool_options")).append("` from template.yaml and `").append(results.machine.get("jvm_flags"))
                .append("`. The environment is the template's, resolved against the emulator.\n\n");
        goals(md, results);
        coldStart(md, results);
        priming(md, results);
        awsCalls(md, results);
        warm(md, results);
        WarmHttpSection.markdown(md, results.http);
        RefresherReport.section(md, results.refresher);
        artifacts(md, results);
        ChoicesReport.section(md, results.choices);
        errors(md, results);
        if (!decisions.isBlank()) md.append(decisions.strip()).append("\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ sections

    private static void goals(StringBuilder md, Results results) {
        md.append("## Goals\n\n| Goal | Result |\n|---|---|\n");
        List<Results.FunctionResult> deployed = results.functions.stream().filter(r -> r.function.artifactOverride() == null).toList();
        long artifactsOver = deployed.stream().filter(r -> r.artifact != null && r.artifact.zipBytes() > ARTIFACT_GOAL_BYTES).count();
        double largest = deployed.stream().filter(r -> r.artifact != null).mapToLong(r -> r.artifact.zipBytes()).max().orElse(0);
        md.append("| every artifact under 10 MB | ").append(artifactsOver == 0 ? "met" : "missed by " + artifactsOver + " function(s)")
                .append(" (largest ").append(mb(largest)).append(" MB) |\n");
        int over = 0;
        double worst = 0;
        for (Results.FunctionResult r : deployed) {
            double ratio = sdkRatio(results, r);
            if (Double.isNaN(ratio)) continue;
            worst = Math.max(worst, ratio);
            if (ratio > COLD_OVERHEAD_GOAL) over++;
        }
        md.append("| cold start within 1.25 × the SDK floor | ").append(over == 0 ? "met" : "missed by " + over + " function(s)")
                .append(" (worst ").append(fmt(worst, 2)).append(" ×) |\n");
        int warmOver = 0;
        double warmWorst = 0;
        for (Results.FunctionResult r : deployed) {
            // the goal is about the cost of AWS calls through the handler; without calls see section 3
            if (r.second == null || r.second.calls().isEmpty()) continue;
            double ratio = warmRatio(results, r);
            if (Double.isNaN(ratio)) continue;
            warmWorst = Math.max(warmWorst, ratio);
            if (ratio > WARM_P99_GOAL) warmOver++;
        }
        md.append("| warm p99 within 1.2 × the emulator floor (functions that make AWS calls) | ")
                .append(warmWorst == 0 ? "no function makes AWS calls yet" : warmOver == 0 ? "met" : "missed by " + warmOver + " function(s)")
                .append(warmWorst == 0 ? "" : " (worst " + fmt(warmWorst, 2) + " ×)").append(" |\n");
        RefresherReport.goal(md, results.refresher);
        md.append("| AWS calls at the floor: reading a connection is one DynamoDB read | ")
                .append(floorCheck(deployed, "GetConnectionFunction", false)).append(" |\n");
        md.append("| AWS calls at the floor: a fresh cached token on a warm instance is one DynamoDB read and no KMS call | ")
                .append(floorCheck(deployed, "IssueAccountTokenFunction", true)).append(" |\n\n");
    }

    /** Reads (GetItem, Query, BatchGetItem) and KMS calls of the function's warm request against the floor of one read, no KMS. */
    static String floorCheck(List<Results.FunctionResult> deployed, String logicalId, boolean writesAllowed) {
        Results.FunctionResult r = deployed.stream().filter(f -> f.function.logicalId().equals(logicalId)).findFirst().orElse(null);
        if (r == null || r.second == null) return "not measured in this run";
        if (r.status == null || !r.status.startsWith("2")) return "not measured: the request answered " + r.status;
        Map<String, Integer> calls = r.second.calls();
        int reads = calls.entrySet().stream().filter(e -> e.getKey().matches("DynamoDb\\.(GetItem|Query|BatchGetItem|Scan|TransactGetItems)"))
                .mapToInt(Map.Entry::getValue).sum();
        int kms = calls.entrySet().stream().filter(e -> e.getKey().startsWith("Kms.")).mapToInt(Map.Entry::getValue).sum();
        int other = r.second.total() - reads - kms;
        boolean met = reads == 1 && kms == 0 && (writesAllowed || other == 0);
        return (met ? "met" : "missed") + " (" + logicalId + ", warm instance: " + r.second.describe()
                + (writesAllowed && other > 0 ? "; the write is the audit record of the credential use" : "") + ")";
    }

    private static void coldStart(StringBuilder md, Results results) {
        md.append("## 1. Cold start per function\n\n");
        md.append("Process start (taken by the parent just before it starts the JVM) to the first response of one realistic request ")
                .append("against the emulator, over ").append(results.machine.get("runs")).append(" fresh JVMs each, ")
                .append(results.machine.get("cold_workers")).append(" started at a time (floors and functions alike, interleaved in rounds, so the ratios compare like with like). ")
                .append("Init = the handler's constructor (Dagger graph, SDK clients). ")
                .append("SDK floor = a bare handler building the same SDK clients (URL-connection client) and making the same AWS calls, ")
                .append("with no Dagger, Powertools or Jackson data binding; for a function that makes no AWS call the JVM floor is its SDK floor.\n\n");
        md.append("| Function | Request | Status | Cold start ms, median (min–max) | Init ms | × JVM floor | × SDK floor | Classes loaded (from artifact) | Artifact MB |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        double jvmFloor = Stats.of(results.jvmFloor.coldMs).median();
        for (Results.FunctionResult r : results.functions) {
            if (!r.measured()) {
                md.append("| ").append(r.function.logicalId()).append(" | ").append(r.function.describe()).append(" | – | not measured | | | | | ")
                        .append(r.artifact == null ? "–" : mb(r.artifact.zipBytes())).append(" |\n");
                continue;
            }
            Stats cold = Stats.of(r.coldMs);
            md.append("| ").append(r.function.logicalId()).append(" | ").append(r.function.describe()).append(" | ").append(r.status)
                    .append(" | ").append(range(cold)).append(" | ").append(fmt(Stats.of(r.initMs).median(), 0))
                    .append(" | ").append(fmt(cold.median() / jvmFloor, 2)).append(" | ").append(fmt(sdkRatio(results, r), 2))
                    .append(" | ").append(r.classes == null ? "–" : r.classes.total() + " (" + r.classes.fromArtifact() + ")")
                    .append(" | ").append(mb(r.artifact.zipBytes())).append(" |\n");
        }
        md.append("\nFloors measured in the same run:\n\n| Floor | AWS calls | Cold start ms, median (min–max) | Classes loaded (outside the JDK) |\n|---|---|---|---|\n");
        md.append("| JVM floor (hello world, JDK + aws-lambda-java-core) | none | ").append(range(Stats.of(results.jvmFloor.coldMs)))
                .append(" | ").append(results.jvmFloor.classes == null ? "–" : results.jvmFloor.classes.total() + " (" + results.jvmFloor.classes.fromArtifact() + ")").append(" |\n");
        for (Results.Floor floor : results.sdkFloors.values()) {
            md.append("| SDK floor | ").append(floor.spec.replace(",", ", ")).append(" | ").append(range(Stats.of(floor.coldMs)))
                    .append(" | ").append(floor.classes == null ? "–" : floor.classes.total() + " (" + floor.classes.fromArtifact() + ")").append(" |\n");
        }
        md.append("\nPeer figures (BENCHMARKS.md): a Dagger sample measured 3.2 s cold p50 on Lambda (x86, 1024 MB); a java21 hello world ")
                .append("initialises in about 0.24 s; SnapStart with priming brings full apps to about 0.5 s. These are Lambda figures, ")
                .append("the ones above are this machine's: compare the ratios, not the milliseconds.\n\n");
    }

    private static void priming(StringBuilder md, Results results) {
        md.append("### Priming (what SnapStart would buy)\n\n");
        md.append("SnapStart itself cannot run here (it needs Lambda's Firecracker snapshots; a plain JVM has no CRaC checkpoint). ")
                .append("Simulated in one JVM each: *first request* is the first invocation after construction (what a cold start without ")
                .append("SnapStart pays after init); *after priming* is the first real invocation after the handler's `Priming` hook ran ")
                .append("(what runs before the snapshot, so a restored instance starts there); *second* is a warm instance's second request.\n\n");
        md.append("Medians over the cold-start JVMs (init, first, second request) and over ").append(BenchMain.PRIMED_RUNS)
                .append(" primed JVMs (priming, first request after priming).\n\n");
        md.append("| Function | Init ms | First request ms | Second request ms | Priming ms | First request after priming ms | Priming event |\n|---|---|---|---|---|---|---|\n");
        for (Results.FunctionResult r : results.functions) {
            if (r.firstMs.isEmpty()) continue;
            md.append("| ").append(r.function.logicalId()).append(" | ").append(fmt(Stats.of(r.initMs).median(), 0))
                    .append(" | ").append(fmt(Stats.of(r.firstMs).median(), 1)).append(" | ").append(fmt(Stats.of(r.secondMs).median(), 1))
                    .append(" | ").append(fmt(Stats.of(r.primeMs).median(), 1)).append(" | ").append(fmt(Stats.of(r.primedFirstMs).median(), 1))
                    .append(" | ").append(r.primingEvent ? "priming-event.json" : "fallback (unauthenticated)").append(" |\n");
        }
        md.append("\n");
    }

    private static void awsCalls(StringBuilder md, Results results) {
        md.append("## 2. AWS calls per operation\n\n");
        md.append("Counted at the SDK by a global `ExecutionInterceptor` in the function's own JVM (deterministic). *Cold instance* is the ")
                .append("first request after init, *warm instance* the next identical request. DynamoDB request units are estimated from ")
                .append("the item sizes read and written. Cost in US dollars per million operations at us-east-1 list prices: DynamoDB on-demand ")
                .append("$").append(Pricing.DYNAMODB_PER_MILLION_RRU).append(" per million read units and $").append(Pricing.DYNAMODB_PER_MILLION_WRU)
                .append(" per million write units, Secrets Manager $0.05 per 10,000 calls, KMS $0.03 per 10,000 requests, EventBridge $1 per million events, ")
                .append("Lambda $0.20 per million requests plus $").append(Pricing.LAMBDA_ARM_PER_GB_SECOND)
                .append(" per GB-second (arm64, 1024 MB) for the measured warm p50 duration. Secret storage ($0.40 per secret-month) and KMS key-months are not per operation and not included.\n\n");
        md.append("| Function | Request | Calls, cold instance | Calls, warm instance | RRU | WRU | AWS services $/M | Lambda $/M | Total $/M |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Results.FunctionResult r : results.functions) {
            if (r.first == null) continue;
            double duration = r.warm == null ? 0 : r.warm.p50();
            Pricing.Cost cost = Pricing.perMillion(r.second.calls(), r.second.rru(), r.second.wru(), r.second.events(), duration);
            md.append("| ").append(r.function.logicalId()).append(" | ").append(r.function.describe())
                    .append(" | ").append(r.first.describe()).append(" | ").append(r.second.describe())
                    .append(" | ").append(fmt(r.second.rru(), 1)).append(" | ").append(fmt(r.second.wru(), 1))
                    .append(" | ").append(fmt(cost.aws(), 2)).append(" | ").append(fmt(cost.lambda(), 2)).append(" | ").append(fmt(cost.total(), 2)).append(" |\n");
        }
        md.append("\nRequests: ");
        List<String> sources = new ArrayList<>();
        for (Results.FunctionResult r : results.functions) {
            if (r.eventSource != null) sources.add(r.function.logicalId() + " – " + r.eventSource);
        }
        md.append(String.join("; ", sources)).append(".\n\n");
    }

    private static void warm(StringBuilder md, Results results) {
        md.append("## 3. Warm latency\n\n");
        md.append("Each function's handler invoked in-process in one JVM started from its artifact (up to ").append(results.machine.get("warm_iterations"))
                .append(" measured invocations after a warm-up, at most 1.5 s of them; n is the sample count), against the emulator floor: the same AWS calls made directly with the SDK ")
                .append("against moto in the same run. Through the local runtime's HTTP front (`./dev run`): section 3b.\n\n");
        md.append("| Function | AWS calls per request | n | p50 ms | p99 ms | Emulator floor p50 ms | Emulator floor p99 ms | p99 × floor |\n|---|---|---|---|---|---|---|---|\n");
        for (Results.FunctionResult r : results.functions) {
            if (r.warm == null) continue;
            Results.Floor floor = warmFloor(results, r);
            md.append("| ").append(r.function.logicalId()).append(" | ").append(r.second.describe())
                    .append(" | ").append(r.warm.n()).append(" | ").append(fmt(r.warm.p50(), 2)).append(" | ").append(fmt(r.warm.p99(), 2))
                    .append(" | ").append(floor == null || floor.warm == null ? "–" : fmt(floor.warm.p50(), 2))
                    .append(" | ").append(floor == null || floor.warm == null ? "–" : fmt(floor.warm.p99(), 2))
                    .append(" | ").append(fmt(warmRatio(results, r), 2)).append(" |\n");
        }
        if (results.jvmFloor.warm != null) {
            md.append("\nFor functions without AWS calls the floor is the hello-world handler: p50 ").append(fmt(results.jvmFloor.warm.p50(), 3))
                    .append(" ms, p99 ").append(fmt(results.jvmFloor.warm.p99(), 3)).append(" ms.\n");
        }
        md.append("\n");
    }

    private static void artifacts(StringBuilder md, Results results) {
        md.append("## Artifacts: what is in them, what is used\n\n");
        md.append("Jars in each function's `lib/` and how many classes the cold start plus one request loaded from each ")
                .append("(`-Xlog:class+load`). A jar with 0 is carried but unused on that path.\n\n");
        Map<String, Long> sizes = new TreeMap<>();
        Map<String, Map<String, Integer>> loads = new TreeMap<>();
        for (Results.FunctionResult r : results.functions) {
            if (r.artifact == null) continue;
            r.artifact.jarBytes().forEach(sizes::put);
            if (r.classes == null) continue;
            for (String jar : r.artifact.jarBytes().keySet()) {
                loads.computeIfAbsent(jar, j -> new LinkedHashMap<>()).put(r.function.logicalId(), r.classes.bySource().getOrDefault(jar, 0));
            }
        }
        md.append("| Jar | KB | Functions carrying it | Classes loaded (max over functions) |\n|---|---|---|---|\n");
        List<Map.Entry<String, Long>> bySize = new ArrayList<>(sizes.entrySet());
        bySize.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Long> e : bySize) {
            Map<String, Integer> perFunction = loads.getOrDefault(e.getKey(), Map.of());
            long carrying = results.functions.stream().filter(r -> r.artifact != null && r.artifact.jarBytes().containsKey(e.getKey())).count();
            int max = perFunction.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue() / 1024).append(" | ").append(carrying)
                    .append(" | ").append(perFunction.isEmpty() ? "–" : String.valueOf(max)).append(" |\n");
        }
        md.append("\n");
    }

    private static void errors(StringBuilder md, Results results) {
        List<String> lines = new ArrayList<>();
        for (Results.FunctionResult r : results.functions) r.errors.forEach(e -> lines.add(r.function.logicalId() + ": " + oneLine(e)));
        results.jvmFloor.errors.forEach(e -> lines.add("JVM floor: " + oneLine(e)));
        results.sdkFloors.values().forEach(f -> f.errors.forEach(e -> lines.add("SDK floor " + f.spec + ": " + oneLine(e))));
        results.warmFloors.values().forEach(f -> f.errors.forEach(e -> lines.add("emulator floor " + f.spec + ": " + oneLine(e))));
        if (lines.isEmpty()) return;
        md.append("## Problems in this run\n\n");
        lines.forEach(l -> md.append("- ").append(l).append("\n"));
        md.append("\n");
    }

    // ------------------------------------------------------------------ ratios

    static double sdkRatio(Results results, Results.FunctionResult r) {
        if (!r.measured()) return Double.NaN;
        String spec = r.first == null ? "" : r.first.floorSpec();
        Results.Floor floor = spec.isEmpty() ? results.jvmFloor : results.sdkFloors.get(spec);
        if (floor == null || floor.coldMs.isEmpty()) return Double.NaN;
        return Stats.of(r.coldMs).median() / Stats.of(floor.coldMs).median();
    }

    static Results.Floor warmFloor(Results results, Results.FunctionResult r) {
        String spec = r.second == null ? "" : r.second.floorSpec();
        return spec.isEmpty() ? results.jvmFloor : results.warmFloors.get(spec);
    }

    static double warmRatio(Results results, Results.FunctionResult r) {
        Results.Floor floor = warmFloor(results, r);
        if (r.warm == null || floor == null || floor.warm == null || floor.warm.p99() <= 0) return Double.NaN;
        // a function without AWS calls is compared with the hello-world handler: the ratio of sub-millisecond times says little
        return r.warm.p99() / floor.warm.p99();
    }

    // ------------------------------------------------------------------ JSON

    private static Map<String, Object> toJson(Results results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", results.machine);
        root.put("elapsed_seconds", results.elapsedSeconds);
        root.put("jvm_floor", floorJson(results.jvmFloor));
        root.put("sdk_floors", results.sdkFloors.values().stream().map(Report::floorJson).toList());
        root.put("emulator_floors", results.warmFloors.values().stream().map(Report::floorJson).toList());
        List<Map<String, Object>> functions = new ArrayList<>();
        for (Results.FunctionResult r : results.functions) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("logical_id", r.function.logicalId());
            f.put("module", r.function.moduleName());
            f.put("handler", r.function.handlerClass());
            f.put("request", r.function.describe());
            f.put("event", r.eventSource);
            f.put("status", r.status);
            if (r.artifact != null) {
                f.put("artifact_zip_bytes", r.artifact.zipBytes());
                f.put("artifact_unpacked_bytes", r.artifact.unpackedBytes());
                f.put("jars", r.artifact.jarBytes());
            }
            f.put("cold_ms", r.coldMs);
            f.put("cold", r.coldMs.isEmpty() ? null : Stats.of(r.coldMs));
            f.put("init_ms", r.initMs);
            f.put("ratio_jvm_floor", r.measured() ? Stats.of(r.coldMs).median() / Stats.of(results.jvmFloor.coldMs).median() : null);
            f.put("ratio_sdk_floor", nanToNull(sdkRatio(results, r)));
            f.put("classes", r.classes);
            f.put("first_ms", r.firstMs);
            f.put("second_ms", r.secondMs);
            f.put("prime_ms", r.primeMs);
            f.put("first_after_prime_ms", r.primedFirstMs);
            f.put("priming_event", r.primingEvent);
            f.put("calls_cold_instance", r.first);
            f.put("calls_warm_instance", r.second);
            f.put("warm_ms", r.warm);
            f.put("warm_p99_ratio", nanToNull(warmRatio(results, r)));
            if (r.second != null) {
                f.put("cost_per_million", Pricing.perMillion(r.second.calls(), r.second.rru(), r.second.wru(), r.second.events(),
                        r.warm == null ? 0 : r.warm.p50()));
            }
            f.put("errors", r.errors);
            functions.add(f);
        }
        root.put("functions", functions);
        root.put("warm_http", WarmHttpSection.json(results.http));
        root.put("dependency_choices", ChoicesReport.json(results.choices));
        root.put("refresher", RefresherReport.json(results.refresher));
        return root;
    }

    private static Map<String, Object> floorJson(Results.Floor floor) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", floor.name);
        f.put("calls", floor.spec);
        f.put("cold_ms", floor.coldMs);
        f.put("cold", floor.coldMs.isEmpty() ? null : Stats.of(floor.coldMs));
        f.put("classes", floor.classes);
        f.put("warm_ms", floor.warm);
        f.put("errors", floor.errors);
        return f;
    }

    // ------------------------------------------------------------------ formatting

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String range(Stats s) {
        if (s.n() == 0) return "–";
        return fmt(s.median(), 0) + " (" + fmt(s.min(), 0) + "–" + fmt(s.max(), 0) + ")";
    }

    static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String mb(double bytes) {
        return bytes < 0 ? "–" : fmt(bytes / (1024 * 1024), 2);
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('|', '/');
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
