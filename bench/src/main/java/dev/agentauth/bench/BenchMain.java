package dev.agentauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./dev bench}: measures every function template.yaml declares (cold start against the
 * JVM and SDK floors, AWS calls and their cost, warm latency against the emulator floor) and
 * writes bench/results/latest.md and latest.json (plus a timestamped copy under raw/).
 *
 * <p>Options: {@code --root <repo>} (required), {@code --runs N} cold starts per function and
 * floor (default 5), {@code --warm N} warm invocations per function (default 100),
 * {@code --only Id,Id} measure only these functions, {@code --out <dir>} results directory,
 * {@code --variant Id=<dir>} also measure function Id from another artifact directory (an A/B
 * of a packaging decision in the same run; repeatable), {@code --http-requests N} timed requests per
 * route through the local runtime (default 150), {@code --no-http} skip that section (3b),
 * {@code --no-choices} skip section "Dependency choices" (bench/variants: Powertools with and
 * without AspectJ, our vault against the AWS Encryption SDK, the SDK HTTP clients),
 * {@code --no-refresher} skip section 4 (the scheduled refresher's scaling and throughput),
 * {@code --cold-workers N} fresh JVMs started at once for cold starts, class loads and priming
 * (default 2, one per core of the machines this runs on; 1 for strictly one at a time).
 */
public final class BenchMain {

    /** Fresh JVMs per function for the priming simulation (fewer than cold starts: it is a second-order figure). */
    static final int PRIMED_RUNS = 1;
    /** Fresh JVMs per variant in section 5 (a comparison of alternatives, not a per-function figure): keeps the whole run under 15 minutes. */
    static final int CHOICE_RUNS = 3;

    private BenchMain() {}

    record Options(Path root, int runs, int warmIterations, Set<String> only, Path out, Map<String, List<Path>> variants,
                   int httpRequests, boolean choices, boolean refresher, int coldWorkers) {
        static Options parse(String[] args) {
            Path root = null;
            int runs = 5;
            int warm = 100;
            Set<String> only = new LinkedHashSet<>();
            Path out = null;
            Map<String, List<Path>> variants = new java.util.LinkedHashMap<>();
            boolean choices = true;
            int httpRequests = 150;
            boolean refresher = true;
            int coldWorkers = 2;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--warm" -> warm = Integer.parseInt(args[++i]);
                    case "--only" -> only.addAll(List.of(args[++i].split(",")));
                    case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                    case "--variant" -> {
                        String[] v = args[++i].split("=", 2);
                        variants.computeIfAbsent(v[0], k -> new ArrayList<>()).add(Path.of(v[1]).toAbsolutePath());
                    }
                    case "--no-choices" -> choices = false;
                    case "--http-requests" -> httpRequests = Integer.parseInt(args[++i]);
                    case "--no-http" -> httpRequests = 0;
                    case "--no-refresher" -> refresher = false;
                    case "--cold-workers" -> coldWorkers = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (root == null) throw new IllegalArgumentException("--root <repository> is required");
            return new Options(root, runs, warm, only, out == null ? root.resolve("bench/results") : out, variants,
                    httpRequests, choices, refresher, coldWorkers);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // the bench reports on stderr; what libraries in this JVM log (the sandbox provider, the
        // emulator's clients) goes to a file rather than between the progress lines
        Path libraryLog = options.root().resolve("bench/target/bench-work/bench-jvm.log");
        Files.createDirectories(libraryLog.getParent());
        System.setOut(new java.io.PrintStream(Files.newOutputStream(libraryLog), true, java.nio.charset.StandardCharsets.UTF_8));
        Results results = run(options, System.err::println);
        Report.write(results, options);
        System.err.println("bench: wrote " + options.out().resolve("latest.md") + " in " + Math.round(results.elapsedSeconds) + " s");
        System.exit(0);
    }

    static Results run(Options options, java.util.function.Consumer<String> log) throws Exception {
        Instant started = Instant.now();
        Template template = Template.load(options.root().resolve("template.yaml"));
        Path work = options.root().resolve("bench/target/bench-work");
        Files.createDirectories(work);
        BenchJars jars = BenchJars.build(options.root().resolve("bench/target/bench-jars"));
        Results results = new Results();
        results.machine.put("date", started.toString());
        results.machine.put("cpus", Runtime.getRuntime().availableProcessors());
        results.machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        results.machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        results.machine.put("runs", options.runs());
        results.machine.put("warm_iterations", options.warmIterations());
        results.machine.put("jvm_flags", String.join(" ", ChildJvm.LAMBDA_FLAGS));
        results.machine.put("cold_workers", options.coldWorkers());

        List<Template.Function> functions = new ArrayList<>();
        for (Template.Function f : template.functions()) {
            if (!options.only().isEmpty() && !options.only().contains(f.logicalId())) continue;
            functions.add(f);
            for (Path variant : options.variants().getOrDefault(f.logicalId(), List.of())) {
                functions.add(f.variant(variant));
            }
        }
        log.accept("bench: " + functions.size() + " functions from template.yaml, " + options.runs() + " cold starts each");

        try (Emulator emulator = Emulator.start(template); SandboxProvider sandbox = SandboxProvider.start()) {
            Events events = new Events(options.root(), work.resolve("events"));
            ColdStartBench bench = new ColdStartBench(options.root(), jars, emulator, template, events, work);
            emulator.seedFloor(bench.environment(template.functions().getFirst()));
            Seeder seeder = new Seeder(bench, events, template, sandbox, log);
            seeder.seed(functions, options.runs(), options.warmIterations());
            results.machine.put("java_tool_options", bench.environment(template.functions().getFirst()).getOrDefault("JAVA_TOOL_OPTIONS", ""));

            // 1. what each function calls (also proves it constructs and serves from its own artifact)
            for (Template.Function function : functions) {
                Results.FunctionResult result = new Results.FunctionResult(function);
                results.functions.add(result);
                if (!Files.isDirectory(bench.artifactDirectory(function))) {
                    result.errors.add("no packaged artifact at " + options.root().relativize(bench.artifactDirectory(function)) + " (run ./dev build)");
                    continue;
                }
                result.artifact = bench.artifact(function);
                result.primingEvent = Files.exists(bench.artifactDirectory(function).resolve("priming-event.json"));
                Path event = seeder.events(function, 2);
                result.eventSource = (Events.hasSample(options.root(), function) ? "events/" + function.moduleName() + ".json" : "generated from the route")
                        + seeder.describe(function);
                try {
                    ChildJvm.Result counted = bench.count(function, event);
                    result.first = Results.CallCount.parse(counted.value("calls-first"));
                    result.second = Results.CallCount.parse(counted.value("calls-second"));
                    result.status = counted.value("status");
                    log.accept("bench: " + function.logicalId() + " -> " + result.status + ", calls " + result.first.describe());
                    if (result.status.startsWith("5")) {
                        result.errors.add("the measured request answered " + result.status + ": " + String.join(" | ", counted.errorLogs()));
                    }
                } catch (RuntimeException e) {
                    result.errors.add("counting run failed: " + e.getMessage());
                }
            }
            List<Results.FunctionResult> runnable = results.functions.stream().filter(r -> r.first != null).toList();
            Path helloEvent = work.resolve("events/hello.json");
            Files.createDirectories(helloEvent.getParent());
            Files.writeString(helloEvent, "{\"version\":\"2.0\",\"rawPath\":\"/hello\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
            results.jvmFloor = new Results.Floor("hello world", "");
            for (Results.FunctionResult r : runnable) {
                String spec = r.first.floorSpec();
                if (!spec.isEmpty()) results.sdkFloors.computeIfAbsent(spec, s -> new Results.Floor("SDK floor", s));
                String warmSpec = r.second.floorSpec();
                if (!warmSpec.isEmpty()) results.warmFloors.computeIfAbsent(warmSpec, s -> new Results.Floor("emulator floor", s));
            }

            // 2. cold starts, in rounds so that noise spreads evenly over functions and floors; the
            // fresh JVMs of a round run on options.coldWorkers() workers (floors and functions alike,
            // so the ratios compare like with like)
            for (int round = 1; round <= options.runs(); round++) {
                log.accept("bench: cold-start round " + round + "/" + options.runs());
                List<Measurement> jobs = new ArrayList<>();
                jobs.add(() -> record(results.jvmFloor, () -> results.jvmFloor.coldMs.add(bench.helloCold(helloEvent).coldMillis())));
                for (Results.Floor floor : results.sdkFloors.values()) {
                    jobs.add(() -> record(floor, () -> floor.coldMs.add(bench.sdkFloorCold(floor.spec, helloEvent).coldMillis())));
                }
                for (Results.FunctionResult r : runnable) {
                    Path event = seeder.events(r.function, 2);
                    jobs.add(() -> {
                        try {
                            ChildJvm.Result cold = bench.cold(r.function, event);
                            r.coldMs.add(cold.coldMillis());
                            r.initMs.add(cold.millis("init-ms"));
                            r.firstMs.add(cold.millis("first-ms"));
                            r.secondMs.add(cold.millis("second-ms"));
                        } catch (RuntimeException e) {
                            r.errors.add("cold start failed: " + e.getMessage());
                        }
                    });
                }
                Workers.run(jobs, options.coldWorkers());
            }

            // 3. classes loaded and priming (fresh JVMs, on the workers), then warm latency (one at a time)
            log.accept("bench: classes loaded, priming, warm latency");
            List<Measurement> jobs = new ArrayList<>();
            jobs.add(() -> record(results.jvmFloor, () -> results.jvmFloor.classes = bench.helloClassLoads(helloEvent)));
            for (Results.Floor floor : results.sdkFloors.values()) {
                jobs.add(() -> record(floor, () -> floor.classes = bench.sdkFloorClassLoads(floor.spec, helloEvent)));
            }
            for (Results.FunctionResult r : runnable) {
                Path classEvent = seeder.events(r.function, 2);
                List<Path> primedEvents = new ArrayList<>();
                for (int i = 0; i < PRIMED_RUNS; i++) primedEvents.add(seeder.events(r.function, 1));
                jobs.add(() -> {
                    try {
                        r.classes = bench.classLoads(r.function, classEvent);
                        for (Path primedEvent : primedEvents) {
                            ChildJvm.Result primed = bench.primed(r.function, primedEvent);
                            r.primeMs.add(primed.millis("prime-ms"));
                            r.primedFirstMs.add(primed.millis("first-after-prime-ms"));
                        }
                    } catch (RuntimeException e) {
                        r.errors.add("measurement failed: " + e.getMessage());
                    }
                });
            }
            Workers.run(jobs, options.coldWorkers());
            record(results.jvmFloor, () -> results.jvmFloor.warm = bench.helloWarm(helloEvent, options.warmIterations()).warm());
            for (Results.Floor floor : results.warmFloors.values()) {
                record(floor, () -> floor.warm = bench.sdkFloorWarm(floor.spec, helloEvent, options.warmIterations()).warm());
            }
            for (Results.FunctionResult r : runnable) {
                try {
                    Events.Kind kind = Events.kind(r.function);
                    int iterations = kind == Events.Kind.DELETE || kind == Events.Kind.CALLBACK
                            ? Math.min(options.warmIterations(), Seeder.CONSUMING_WARM_ITERATIONS) : options.warmIterations();
                    r.warm = bench.warm(r.function, seeder.events(r.function, Math.max(20, options.warmIterations() / 5) + iterations), iterations).warm();
                    log.accept("bench: " + r.function.logicalId() + " cold median " + Math.round(Stats.of(r.coldMs).median())
                            + " ms, warm p50 " + String.format(java.util.Locale.ROOT, "%.2f", r.warm.p50()) + " ms");
                } catch (RuntimeException e) {
                    r.errors.add("measurement failed: " + e.getMessage());
                }
            }

            // 3b. warm latency through the local runtime's HTTP front
            results.http = options.httpRequests() <= 0 ? WarmHttpResults.skipped()
                    : new WarmHttpBench(options.root(), emulator, bench, template, work, log, Math.max(20, options.httpRequests() / 6),
                            options.httpRequests(), Duration.ofSeconds(2)).run();

            // 4. dependency choices: small handlers under bench/variants, one per choice, same emulator
            if (options.choices()) {
                results.choices = new DependencyChoices(options.root(), jars, emulator, bench.environment(template.functions().getFirst()), work)
                        .run(ChoiceVariant.all(), Math.min(options.runs(), CHOICE_RUNS), options.warmIterations(), log);
            }
        }
        // 4. the scheduled refresher: its own emulator, after the rest so it disturbs no other measurement
        if (options.refresher()) {
            results.refresher = RefresherBench.measure(options.root(), jars, template, work, RefresherResult.Plan.DEFAULT, log);
        }
        results.elapsedSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return results;
    }


    interface Measurement {
        void run() throws IOException, InterruptedException;
    }

    private static void record(Results.Floor floor, Measurement measurement) throws InterruptedException {
        record(floor.errors, measurement);
    }

    /** Runs one measurement; a failure is noted in {@code errors} and the run goes on. */
    static void record(List<String> errors, Measurement measurement) throws InterruptedException {
        try {
            measurement.run();
        } catch (IOException | RuntimeException e) {
            errors.add(e.getMessage());
        }
    }
}
