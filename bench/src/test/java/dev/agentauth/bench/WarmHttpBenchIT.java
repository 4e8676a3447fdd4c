package dev.agentauth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Section 3b works end to end with few requests: the local runtime started on a real moto, data
 * made through the API and the sandbox OAuth flow, every route answered 2xx, its AWS calls
 * counted and its emulator floor measured (no timing assertions: the machine is shared).
 */
class WarmHttpBenchIT {

    @Test
    void measuresEveryMainRouteThroughTheLocalRuntimeAgainstItsFloor() throws Exception {
        Path root = ProjectRoot.find();
        Path work = root.resolve("bench/target/bench-http-it");
        Files.createDirectories(work);
        Template template = Template.load(root.resolve("template.yaml"));
        BenchJars jars = BenchJars.build(root.resolve("bench/target/bench-jars"));
        WarmHttpResults results;
        try (Emulator emulator = Emulator.start(template)) {
            Events events = new Events(root, work.resolve("events"));
            ColdStartBench bench = new ColdStartBench(root, jars, emulator, template, events, work);
            emulator.seedFloor(bench.environment(template.functions().getFirst()));
            results = new WarmHttpBench(root, emulator, bench, template, work, line -> System.err.println(java.time.LocalTime.now() + " " + line), 3, 10, Duration.ofSeconds(3)).run();
        }

        assertEquals(List.of(), results.errors);
        assertTrue(results.emptyServer.n() >= 10, "the empty server was timed");
        Map<String, WarmHttpResults.Route> byLabel = new java.util.HashMap<>();
        for (WarmHttpResults.Route route : results.routes) {
            byLabel.put(route.label, route);
            assertEquals(List.of(), route.errors, route.label);
            assertNotNull(route.http, route.label);
            assertTrue(route.http.n() >= 10, route.label + " was timed " + route.http.n() + " times");
            assertTrue(route.statuses.keySet().stream().allMatch(s -> s >= 200 && s < 300), route.label + " answered " + route.statuses);
            assertTrue(route.countedStatus.startsWith("2"), route.label + " counted on a " + route.countedStatus);
            if (route.calls.total() > 0) {
                assertNotNull(route.floor, route.label + " has an emulator floor");
                assertTrue(route.floor.n() >= 10, route.label + " floor was timed");
                assertFalse(Double.isNaN(route.ratio()), route.label);
            }
        }
        assertEquals(9, results.routes.size());
        assertEquals(0, byLabel.get("list providers").calls.total(), "the catalogue makes no AWS call");
        WarmHttpResults.Route read = byLabel.get("get connection");
        assertEquals("GetConnectionFunction", read.functionId);
        assertEquals(Map.of("DynamoDb.GetItem", 1), read.calls.calls(), "reading a connection is one DynamoDB read");
        WarmHttpResults.Route token = byLabel.get("account token (cached)");
        assertEquals("IssueAccountTokenFunction", token.functionId);
        assertFalse(token.calls.calls().keySet().stream().anyMatch(c -> c.startsWith("Kms.")),
                "a cached token on a warm instance needs no KMS call: " + token.calls.describe());

        StringBuilder md = new StringBuilder();
        WarmHttpSection.markdown(md, results);
        assertTrue(md.toString().contains("## 3b. Warm latency through the local runtime"));
        assertTrue(md.toString().contains("POST /v1/accounts/{id}/token"), md::toString);
    }
}
