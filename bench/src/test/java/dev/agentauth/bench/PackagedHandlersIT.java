package dev.agentauth.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards the trimmed artifacts: every function template.yaml declares is started in a fresh JVM
 * from its packaged artifact alone (functions/<name>/target/lambda, as Lambda would load it),
 * constructs its handler, serves its sample or generated request against moto and runs its
 * priming hook, without a missing class and without a 500. A dependency excluded from the
 * artifacts that is needed at run time fails here.
 */
class PackagedHandlersIT {

    private static Path root;
    private static Template template;
    private static Emulator emulator;
    private static ColdStartBench bench;
    private static Events events;

    @BeforeAll
    static void start() throws Exception {
        root = ProjectRoot.find();
        template = Template.load(root.resolve("template.yaml"));
        Path work = root.resolve("bench/target/bench-it");
        Files.createDirectories(work);
        BenchJars jars = BenchJars.build(work.resolve("jars"));
        emulator = Emulator.start(template);
        events = new Events(root, work.resolve("events"));
        bench = new ColdStartBench(root, jars, emulator, template, events, work);
        emulator.seedFloor(bench.environment(template.functions().getFirst()));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) emulator.close();
    }

    @TestFactory
    List<DynamicTest> everyFunctionServesFromItsOwnArtifact() {
        assertFalse(template.functions().isEmpty(), "template.yaml declares no function");
        List<DynamicTest> tests = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            tests.add(DynamicTest.dynamicTest(function.logicalId(), () -> {
                assertTrue(Files.isDirectory(bench.artifactDirectory(function)), "no packaged artifact for " + function.logicalId());
                Path event = events.eventsFor(function, Map.of(), 2, java.util.Collections.emptyIterator(), body -> {});
                ChildJvm.Result served = bench.count(function, event);
                String status = served.value("status");
                assertNotEquals("500", status, () -> function.logicalId() + " answered 500: " + served.stderrTail());
                assertTrue(status.matches("[1-4]\\d\\d") || !function.httpRoute().isPresent(),
                        () -> function.logicalId() + " answered " + status + ": " + served.stderrTail());
                ChildJvm.Result primed = bench.primed(function, event);
                assertNotEquals("500", primed.value("status"), () -> function.logicalId() + " after priming: " + primed.stderrTail());
            }));
        }
        return tests;
    }
}
