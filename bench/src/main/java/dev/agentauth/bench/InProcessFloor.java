package dev.agentauth.bench;

import dev.agentauth.bench.launcher.SdkFloorHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator floor measured inside the bench's own JVM (the JVM the local runtime runs in for
 * section 3b): section 3's bare SDK floor handler, built with the floor environment of the given
 * calls, invoked directly in a loop after a warm-up. Same SDK clients (URL-connection HTTP
 * client, explicit region and credentials, endpoint override), same moto, no HTTP front.
 */
final class InProcessFloor {

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private InProcessFloor() {}

    static Stats warm(Map<String, String> floorEnvironment, int warmup, int iterations, Duration budget) {
        SdkFloorHandler floor = new SdkFloorHandler(floorEnvironment);
        long start = System.nanoTime();
        for (int i = 0; i < warmup && (i < 5 || System.nanoTime() - start < budget.toNanos() / 4); i++) invoke(floor);
        List<Double> samples = new ArrayList<>();
        long measuring = System.nanoTime();
        for (int i = 0; i < iterations && (i < 20 || System.nanoTime() - measuring < budget.toNanos()); i++) {
            long t0 = System.nanoTime();
            invoke(floor);
            samples.add((System.nanoTime() - t0) / 1_000_000.0);
        }
        return Stats.of(samples);
    }

    private static void invoke(SdkFloorHandler floor) {
        try {
            floor.handleRequest(new ByteArrayInputStream(EVENT), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
