package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gives routes that address a resource something to address: when template.yaml has the
 * {@code POST /v1/connections} route, one connection is created through that very function
 * (from its artifact, with its sample event) and its id fills the {@code {id}} path parameters
 * of the other routes. Without it, those routes are measured answering 404 after their lookup,
 * which makes the same AWS calls as a hit.
 */
final class Seeder {

    private final ColdStartBench bench;
    private final Events events;
    private final Template template;
    private final Consumer<String> log;

    Seeder(ColdStartBench bench, Events events, Template template, Consumer<String> log) {
        this.bench = bench;
        this.events = events;
        this.template = template;
        this.log = log;
    }

    Map<String, String> seed() throws IOException, InterruptedException {
        Map<String, String> values = new HashMap<>();
        for (Template.Function function : template.functions()) {
            var route = function.httpRoute();
            if (route.isEmpty() || !route.get().method().equals("POST") || !route.get().path().equals("/v1/connections")) continue;
            if (!Events.hasSample(bench.root(), function)) continue;
            ChildJvm.Result created = bench.invoke(function, events.eventFor(function, values), 1);
            String status = created.values().getOrDefault("status-0", "none");
            if (!status.startsWith("2")) {
                log.accept("bench: seeding a connection answered " + status + "; routes with {id} measure a miss");
                continue;
            }
            JsonNode response = Json.parse(created.value("body-0"));
            JsonNode body = Json.parse(response.path("body").asText("{}"));
            String id = body.path("id").asText(null);
            if (id != null) {
                values.put("id", id);
                values.put("connection_id", id);
                log.accept("bench: seeded connection " + id);
            }
        }
        return values;
    }

    /** The event to use for the next run of this function (today the same file; a hook for per-run resources). */
    Path refresh(Template.Function function, Path event, Map<String, String> values) {
        return event;
    }
}
