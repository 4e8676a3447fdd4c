package dev.agentauth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refresher section at a small scale, on real moto and the packaged function: every due
 * account is refreshed exactly once through the provider, a run's AWS calls are the same
 * whether 50 or 200 accounts are stored, and the section renders.
 */
class RefresherBenchIT {

    @Test
    void tenDueAccountsCostTheSameCallsAmongFiftyOrTwoHundredAndAreAllRefreshed() throws Exception {
        Path root = ProjectRoot.find();
        Path work = root.resolve("bench/target/bench-refresher-it");
        Template template = Template.load(root.resolve("template.yaml"));
        BenchJars jars = BenchJars.build(work.resolve("jars"));
        RefresherResult.Plan plan = new RefresherResult.Plan(List.of(50, 200), 10, 20, 30, 100, 20);

        RefresherResult result = RefresherBench.measure(root, jars, template, work, plan, line -> {});
        StringBuilder md = new StringBuilder();
        RefresherReport.section(md, result);
        java.nio.file.Files.writeString(work.resolve("refresher.md"), md);

        assertTrue(result.errors.isEmpty(), () -> String.join("; ", result.errors));
        assertEquals(2, result.scaling.size());
        for (RefresherResult.Run run : result.scaling) {
            assertEquals(10, run.refreshed(), () -> "refreshed at N=" + run.stored() + ": " + run.outcomes());
            assertEquals(10, run.providerRefreshes(), "one provider refresh per due account");
            assertTrue(run.complete());
        }
        assertEquals(50, result.scaling.get(0).stored());
        assertEquals(200, result.scaling.get(1).stored());
        assertEquals(result.scaling.get(0).calls().calls(), result.scaling.get(1).calls().calls(), "calls follow M, not N");
        assertEquals(result.shards, result.scaling.get(0).calls().calls().get("DynamoDb.Query"), "one index query per shard");
        assertNotNull(result.throughput);
        assertEquals(20, result.throughput.refreshed());
        assertEquals(20, result.throughput.providerRefreshes());
        assertNotNull(result.floor, "the emulator floor was measured");
        assertEquals(20, result.floor.refreshes());

        assertTrue(md.toString().contains("### Throughput against a 100 ms provider"), md::toString);
    }
}
