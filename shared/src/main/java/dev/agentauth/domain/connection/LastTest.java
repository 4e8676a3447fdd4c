package dev.agentauth.domain.connection;

import java.time.Instant;
import java.util.List;

/** The outcome of the latest connection test, kept on the connection. */
public record LastTest(String outcome, Instant testedAt, List<Check> checks) {

    public LastTest {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** One check of a test: {@code outcome} is passed, failed or skipped; {@code detail} never holds a secret. */
    public record Check(String name, String outcome, String detail, long durationMs) {}
}
