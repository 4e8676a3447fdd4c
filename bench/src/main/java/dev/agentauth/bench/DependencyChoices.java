package dev.agentauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Section "Dependency choices" of {@code ./dev bench}: each {@link ChoiceVariant} in fresh JVMs
 * (the same launcher and Lambda flags as the functions), against the same emulator: cold start,
 * first and second request, classes loaded, warm latency, classpath bytes, and for the variants
 * that call AWS the calls counted at the SDK.
 */
final class DependencyChoices {

    static final int VAULT_OPERATIONS = 100;
    /** The warm loop of each variant stops after this many ms (at least 20 samples): the section keeps within 3 minutes. */
    static final int WARM_BUDGET_MS = 1000;

    private final Path root;
    private final BenchJars jars;
    private final Map<String, String> environment;
    private final Path events;
    private final Path work;
    private final ChildJvm jvm = new ChildJvm();

    /**
     * @param environment the functions' environment resolved against the emulator (table, endpoint,
     *                    credentials, Powertools settings); the vault variants also get a KMS key of their own
     */
    DependencyChoices(Path root, BenchJars jars, Emulator emulator, Map<String, String> environment, Path work) throws IOException {
        this.root = root;
        this.jars = jars;
        this.work = work;
        this.events = work.resolve("choices");
        Files.createDirectories(events);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("BENCH_KMS_KEY_ARN", emulator.kms.createKey(r -> r.description("bench dependency choices")).keyMetadata().arn());
        env.put("BENCH_WARM_BUDGET_MS", String.valueOf(WARM_BUDGET_MS));
        this.environment = env;
        Files.writeString(event(1), "{\"operations\":1,\"rawPath\":\"/choices\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        Files.writeString(event(VAULT_OPERATIONS), "{\"operations\":" + VAULT_OPERATIONS + "}");
    }

    private Path event(int operations) {
        return events.resolve("operations-" + operations + ".json");
    }

    ChoiceResults run(List<ChoiceVariant> variants, int runs, int warmIterations, Consumer<String> log) throws InterruptedException {
        Instant started = Instant.now();
        ChoiceResults results = new ChoiceResults();
        results.runs = runs;
        results.vaultOperations = VAULT_OPERATIONS;
        List<ChoiceResults.VariantResult> runnable = new ArrayList<>();
        for (ChoiceVariant variant : variants) {
            ChoiceResults.VariantResult result = new ChoiceResults.VariantResult(variant);
            results.variants.add(result);
            try {
                result.classpathBytes = variant.bytesByEntry(root);
                runnable.add(result);
            } catch (IOException | RuntimeException e) {
                result.errors.add(e.getMessage());
            }
        }
        // counting runs first: they also prove that each variant answers before it is timed
        for (ChoiceResults.VariantResult r : runnable) {
            if (r.variant.choice() == ChoiceVariant.Choice.METRICS) continue;
            measure(r, () -> {
                ChildJvm.Result counted = run(r.variant, "count", r.variant.choice() == ChoiceVariant.Choice.VAULT ? event(VAULT_OPERATIONS) : event(1), 1, true);
                r.callsFirst = Results.CallCount.parse(counted.value("calls-first"));
                r.callsSecond = Results.CallCount.parse(counted.value("calls-second"));
                r.status = counted.value("status");
                r.body = counted.value("body");
                log.accept("bench: choice " + r.variant.module() + " -> " + r.status + ", calls " + r.callsFirst.describe() + " then " + r.callsSecond.describe());
            });
        }
        // cold starts in rounds, so that noise spreads evenly over the variants
        for (int round = 1; round <= runs; round++) {
            log.accept("bench: dependency choices, cold-start round " + round + "/" + runs);
            for (ChoiceResults.VariantResult r : runnable) {
                measure(r, () -> {
                    ChildJvm.Result cold = run(r.variant, "cold", event(1), 1, false);
                    if (!"200".equals(cold.value("status"))) throw new IllegalStateException("answered " + cold.value("status") + ": " + cold.failure());
                    r.status = cold.value("status");
                    r.coldMs.add(cold.coldMillis());
                    r.initMs.add(cold.millis("init-ms"));
                    r.firstMs.add(cold.millis("first-ms"));
                    r.secondMs.add(cold.millis("second-ms"));
                });
            }
        }
        log.accept("bench: dependency choices, classes loaded and warm latency");
        for (ChoiceResults.VariantResult r : runnable) {
            measure(r, () -> r.classes = classLoads(r.variant));
            measure(r, () -> r.warm = run(r.variant, "warm", event(1), warmIterations, false).warm());
        }
        results.elapsedSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return results;
    }

    /** One child JVM for this variant (also used by the test to prove each variant answers). */
    ChildJvm.Result run(ChoiceVariant variant, String mode, Path event, int iterations, boolean counting) throws IOException, InterruptedException {
        return jvm.run(classpath(variant, counting), environment, List.of(), mode, variant.handlerClass(), event, iterations);
    }

    Path operationsEvent(int operations) throws IOException {
        Path event = event(operations);
        if (!Files.exists(event)) Files.writeString(event, "{\"operations\":" + operations + "}");
        return event;
    }

    private List<Path> classpath(ChoiceVariant variant, boolean counting) throws IOException {
        List<Path> classpath = new ArrayList<>(variant.classpath(root));
        classpath.add(jars.launcher());
        if (counting) classpath.add(jars.counter());
        return classpath;
    }

    private Results.ClassLoads classLoads(ChoiceVariant variant) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "choice-classload-", ".log");
        try {
            jvm.run(classpath(variant, false), environment, List.of(ClassLoadLog.flag(log)), "cold", variant.handlerClass(), event(1), 1)
                    .value("status");
            return ClassLoadLog.read(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }


    private static void measure(ChoiceResults.VariantResult result, BenchMain.Measurement measurement) throws InterruptedException {
        BenchMain.record(result.errors, measurement);
    }
}
