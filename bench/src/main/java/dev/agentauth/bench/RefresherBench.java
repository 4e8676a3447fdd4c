package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Section 4 of {@code ./dev bench}: the scheduled token refresher (the template's scheduled
 * function, run from its packaged artifact in a fresh JVM per run, AWS calls counted at the SDK)
 * against its own moto and a local provider whose token endpoint answers after a fixed delay.
 *
 * <ol>
 *   <li>Scaling: the table grows to each stored count with the same number of real accounts
 *       due at each step; one run each. Calls and time must follow the due accounts.</li>
 *   <li>Throughput (after the first step, while the table is small): more due accounts, one
 *       run; refreshes per minute of one invocation.</li>
 *   <li>Emulator floor: the AWS calls of one refresh (the difference between the throughput run
 *       and the first run) made directly with the refresher's parallelism; in each run, the time
 *       its index queries took, measured at the SDK.</li>
 * </ol>
 */
final class RefresherBench {

    static final String HANDLER = "dev.agentauth.functions.refresher.ScheduledRefresherHandler";
    /** The refresher's parallelism and look-ahead (RefreshSettings.DEFAULTS, read here so the bench needs no application class). */
    static final int PARALLELISM = dev.agentauth.application.refresh.RefreshSettings.DEFAULTS.parallelism();

    private RefresherBench() {}

    static RefresherResult measure(Path root, BenchJars jars, Template template, Path work, RefresherResult.Plan plan,
            Consumer<String> log) throws InterruptedException {
        Instant started = Instant.now();
        RefresherResult result = new RefresherResult();
        result.plan = plan;
        result.parallelism = PARALLELISM;
        result.loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Template.Function function = template.functions().stream().filter(f -> f.handlerClass().equals(HANDLER)).findFirst().orElse(null);
        if (function == null) {
            result.errors.add("template.yaml declares no function with handler " + HANDLER);
            return result;
        }
        result.function = function.logicalId();
        result.timeoutSeconds = Integer.parseInt(String.valueOf(function.properties().getOrDefault("Timeout", "300")));
        result.execution = "child JVM per run from " + function.codeUri() + "/target/lambda (Lambda's flags, heap for 1024 MB), "
                + "AWS calls counted by the bench's global SDK interceptor in that JVM";
        try (Emulator emulator = Emulator.start(template);
                SlowTokenProvider provider = SlowTokenProvider.start(Duration.ofMillis(plan.providerDelayMs()))) {
            ColdStartBench bench = new ColdStartBench(root, jars, emulator, template, new Events(root, work.resolve("events")), work);
            if (!Files.isDirectory(bench.artifactDirectory(function))) {
                result.errors.add("no packaged artifact at " + root.relativize(bench.artifactDirectory(function)) + " (run ./dev build)");
                return result;
            }
            Map<String, String> environment = new LinkedHashMap<>(bench.environment(function));
            environment.put("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true"); // the provider is on loopback, over http
            result.shards = Integer.parseInt(environment.getOrDefault("AGENTAUTH_REFRESH_SHARDS", "8"));
            emulator.seedFloor(environment);
            RefresherStores stores = RefresherStores.create(environment);
            RefresherSeeder seeder = new RefresherSeeder(emulator.dynamoDb, stores, environment.get("AGENTAUTH_TABLE_NAME"), result.shards);
            RefresherFloor floor = new RefresherFloor(emulator, environment);
            Connection connection = seeder.connection(provider.baseUrl());
            Map<String, String> runEnvironment = Map.of("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true",
                    "BENCH_REMAINING_MS", String.valueOf(result.timeoutSeconds * 1000L));

            // the first stored count, then throughput while the table is small (moto's index queries walk it), then the larger counts
            for (int step = 0; step < plan.stored().size(); step++) {
                int stored = plan.stored().get(step);
                long seedStart = System.nanoTime();
                seeder.due(connection, plan.due());
                seeder.fillTo(stored);
                double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
                RefresherResult.Run run = run(bench, function, runEnvironment, work, provider, seeder, plan.due(), seedSeconds);
                result.scaling.add(run);
                log.accept("bench: refresher N=" + stored + " M=" + plan.due() + ": refreshed " + run.refreshed() + " in "
                        + Math.round(run.runMs()) + " ms, calls " + run.calls().describe() + " (seeded in " + Math.round(seedSeconds) + " s)");
                if (step == 0 && plan.throughputMaxDue() > 0) throughput(result, bench, function, runEnvironment, work, provider, seeder, floor, connection, log);
            }
        } catch (IOException | RuntimeException e) {
            result.errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        result.seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return result;
    }

    private static void throughput(RefresherResult result, ColdStartBench bench, Template.Function function, Map<String, String> environment,
            Path work, SlowTokenProvider provider, RefresherSeeder seeder, RefresherFloor floor, Connection connection, Consumer<String> log)
            throws IOException, InterruptedException {
        RefresherResult.Plan plan = result.plan;
        RefresherResult.Run first = result.scaling.getFirst();
        int due = (int) Math.max(2L * plan.due(), Math.min(plan.throughputMaxDue(), Math.round(first.refreshesPerMinute() * plan.throughputSeconds() / 60)));
        long seedStart = System.nanoTime();
        seeder.due(connection, due);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        result.throughput = run(bench, function, environment, work, provider, seeder, due, seedSeconds);
        log.accept("bench: refresher throughput M=" + due + ": refreshed " + result.throughput.refreshed() + " in "
                + Math.round(result.throughput.runMs()) + " ms (" + Math.round(result.throughput.refreshesPerMinute()) + "/min)");
        if (result.throughput.refreshed() <= first.refreshed()) {
            result.errors.add("the throughput run refreshed no more accounts than the first run: no emulator floor");
            return;
        }
        var mix = RefresherFloor.perRefresh(result.throughput.calls(), result.throughput.refreshed(), first.calls(), first.refreshed());
        result.floor = floor.measure(mix, Math.min(plan.floorRefreshes(), due), PARALLELISM);
        log.accept("bench: refresher emulator floor " + mix + " x " + result.floor.refreshes() + " in "
                + Math.round(result.floor.ms()) + " ms (" + Math.round(result.floor.refreshesPerMinute()) + "/min)");
    }

    private static RefresherResult.Run run(ColdStartBench bench, Template.Function function, Map<String, String> environment, Path work,
            SlowTokenProvider provider, RefresherSeeder seeder, int due, double seedSeconds) throws IOException, InterruptedException {
        Path event = work.resolve("events/refresher-" + UUID.randomUUID() + ".json");
        Files.createDirectories(event.getParent());
        Files.writeString(event, Json.write(Map.of("version", "0", "id", UUID.randomUUID().toString(), "detail-type", "Scheduled Event",
                "source", "aws.events", "account", Emulator.ACCOUNT, "time", Instant.now().toString(), "region", "us-east-1",
                "resources", java.util.List.of(), "detail", Map.of())));
        int providerBefore = provider.refreshes();
        ChildJvm.Result child = bench.once(function, environment, event);
        Files.deleteIfExists(event);
        JsonNode body = Json.parse(child.value("body"));
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        body.path("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asInt()));
        Map<String, Double> callMs = new java.util.TreeMap<>();
        Json.parse(child.value("calls")).path("ms").fields().forEachRemaining(e -> callMs.put(e.getKey(), e.getValue().asDouble()));
        return new RefresherResult.Run(seeder.accounts(), due, outcomes.getOrDefault("refreshed", 0), body.path("complete").asBoolean(),
                body.path("errors").asInt(), outcomes, child.millis("run-ms"), child.millis("init-ms"),
                Results.CallCount.parse(child.value("calls")), callMs, provider.refreshes() - providerBefore, seedSeconds);
    }
}
