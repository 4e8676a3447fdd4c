package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gives routes that address a resource something to address. When template.yaml has the
 * {@code POST /v1/connections} route, connections are created through that very function (from
 * its artifact, with its sample event made unique): one whose id fills the {@code {id}} path
 * parameters of reads and updates, and a pool of fresh ones for deletes, one per invocation.
 * Without it, those routes are measured answering 404 after their lookup.
 */
final class Seeder {

    private final ColdStartBench bench;
    private final Events events;
    private final Template template;
    private final Consumer<String> log;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Deque<String> pool = new ArrayDeque<>();

    Seeder(ColdStartBench bench, Events events, Template template, Consumer<String> log) {
        this.bench = bench;
        this.events = events;
        this.template = template;
        this.log = log;
    }

    /** Invocations one function's measurement makes (see BenchMain): counting 2, each cold JVM 2, class loading 2, each primed JVM 1, warm loop. */
    static int invocationsPerFunction(int runs, int warmIterations) {
        return 2 + 2 * runs + 2 + BenchMain.PRIMED_RUNS + Math.max(20, warmIterations / 5) + Math.min(warmIterations, DELETE_WARM_ITERATIONS);
    }

    /** A delete's warm loop is capped: every iteration needs a connection created first, and a large table slows the emulator's other routes. */
    static final int DELETE_WARM_ITERATIONS = 60;

    void seed(List<Template.Function> measured, int runs, int warmIterations) throws IOException, InterruptedException {
        Template.Function create = template.functions().stream()
                .filter(f -> f.httpRoute().filter(r -> r.method().equals("POST") && r.path().equals("/v1/connections")).isPresent())
                .filter(f -> java.nio.file.Files.isDirectory(bench.artifactDirectory(f)))
                .findFirst().orElse(null);
        if (create == null) return;
        long deletes = measured.stream().filter(f -> Events.kind(f) == Events.Kind.DELETE).count();
        int needed = 1 + (int) deletes * invocationsPerFunction(runs, warmIterations);
        Path file = events.eventsFor(create, pathValues, needed, Collections.emptyIterator());
        ChildJvm.Result created = bench.invoke(create, file, needed);
        for (int i = 0; i < needed; i++) {
            String status = created.values().getOrDefault("status-" + i, "none");
            if (!status.startsWith("2")) {
                log.accept("bench: creating a connection to measure with answered " + status + ": " + created.values().get("body-" + i));
                break;
            }
            JsonNode response = Json.parse(created.value("body-" + i));
            String id = Json.parse(response.path("body").asText("{}")).path("id").asText(null);
            if (id == null) continue;
            if (pathValues.isEmpty()) {
                pathValues.put("id", id);
                pathValues.put("connection_id", id);
            } else {
                pool.add(id);
            }
        }
        log.accept("bench: seeded connection " + pathValues.get("id") + " and " + pool.size() + " more for deletes");
    }

    boolean hasPool() {
        return !pool.isEmpty();
    }

    Map<String, String> pathValues() {
        return pathValues;
    }

    /** The events file for the next run of this function, with {@code invocations} events where they must differ. */
    Path events(Template.Function function, int invocations) throws IOException {
        Iterator<String> fresh = new Iterator<>() {
            @Override public boolean hasNext() { return !pool.isEmpty(); }
            @Override public String next() { return pool.poll(); }
        };
        return events.eventsFor(function, pathValues, invocations, fresh);
    }
}
