package dev.agentauth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the bench itself: one cold start of list-providers and a report with every section
 * (no timing assertions; section 3b, through the local runtime, has its own test: WarmHttpBenchIT).
 */
class BenchReportIT {

    @Test
    void oneColdStartOfListProvidersProducesAReportWithEverySection() throws Exception {
        Path root = ProjectRoot.find();
        Path out = root.resolve("bench/target/bench-smoke");
        BenchMain.Options options = BenchMain.Options.parse(new String[] {"--root", root.toString(), "--runs", "1", "--warm", "5",
                "--only", "ListProvidersFunction", "--out", out.toString(), "--no-choices", "--no-http", "--no-refresher"});

        Results results = BenchMain.run(options, line -> {});
        Report.write(results, options);

        assertEquals(1, results.functions.size());
        Results.FunctionResult listProviders = results.functions.getFirst();
        assertEquals("200", listProviders.status, () -> String.join("; ", listProviders.errors));
        assertEquals(1, listProviders.coldMs.size(), () -> String.join("; ", listProviders.errors));
        assertTrue(listProviders.first.calls().isEmpty(), "listing the catalogue makes no AWS call: " + listProviders.first.describe());
        assertTrue(listProviders.classes.bySource().containsKey("shared-1.0.0-SNAPSHOT.jar"), "classes were counted by jar");
        String report = Files.readString(out.resolve("latest.md"));
        for (String section : List.of("## Goals", "## 1. Cold start per function", "### Priming", "## 2. AWS calls per operation",
                "## 3. Warm latency", "## 3b. Warm latency through the local runtime", "## 4. Refresher scaling", "## Artifacts", "ListProvidersFunction", "JVM floor")) {
            assertTrue(report.contains(section), "report lacks " + section);
        }
        assertTrue(Files.exists(out.resolve("latest.json")));
    }
}
