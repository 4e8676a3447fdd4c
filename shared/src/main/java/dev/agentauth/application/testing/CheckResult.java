package dev.agentauth.application.testing;

import dev.agentauth.domain.connection.LastTest;
import java.util.Optional;

/**
 * One check of a connection test. A failed check has a cause; its detail starts with the cause's
 * words and says what was observed (never a credential or a provider body).
 */
public record CheckResult(String name, Outcome outcome, Optional<FailureCause> cause, String detail, long durationMs) {

    public enum Outcome {
        PASSED("passed"), FAILED("failed"), SKIPPED("skipped");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static CheckResult passed(String name, String detail, long durationMs) {
        return new CheckResult(name, Outcome.PASSED, Optional.empty(), detail, durationMs);
    }

    public static CheckResult failed(String name, FailureCause cause, String detail, long durationMs) {
        return new CheckResult(name, Outcome.FAILED, Optional.of(cause), cause.words() + ": " + detail, durationMs);
    }

    public static CheckResult skipped(String name, String detail) {
        return new CheckResult(name, Outcome.SKIPPED, Optional.empty(), detail, 0);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public CheckResult took(long millis) {
        return new CheckResult(name, outcome, cause, detail, millis);
    }

    public LastTest.Check toCheck() {
        return new LastTest.Check(name, outcome.wire(), detail, durationMs);
    }
}
