package dev.agentauth.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent measurements (each starts its own child JVM) on a fixed number of workers and waits for all. */
final class Workers {

    private Workers() {}

    static void run(List<BenchMain.Measurement> jobs, int workers) throws InterruptedException, IOException {
        if (workers <= 1) {
            for (BenchMain.Measurement job : jobs) job.run();
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (BenchMain.Measurement job : jobs) {
                running.add(pool.submit(() -> {
                    job.run();
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
