package dev.agentauth.outbound;

import java.time.Duration;

/** Monotonic time and waiting, for retry backoff and time budgets (tests supply a fake that does not wait). */
interface Pacer {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    static Pacer system() {
        return new Pacer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration);
            }
        };
    }
}
