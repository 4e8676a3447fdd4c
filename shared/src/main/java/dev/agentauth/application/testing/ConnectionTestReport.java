package dev.agentauth.application.testing;

import dev.agentauth.domain.connection.ConnectionStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to {@code POST /v1/connections/{id}/test}: overall outcome, the connection's status
 * afterwards, each check and when the test ran.
 */
public record ConnectionTestReport(boolean passed, ConnectionStatus status, Optional<String> statusReason,
                                   List<CheckResult> checks, Instant testedAt) {

    public ConnectionTestReport {
        checks = List.copyOf(checks);
    }

    public String outcome() {
        return passed ? "passed" : "failed";
    }

    /** The API shape: {@code {"outcome","status","checks":[{"name","outcome","detail","duration_ms"}],"tested_at"}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome());
        json.put("status", status.wire());
        json.put("checks", checks.stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("outcome", c.outcome().wire());
            check.put("detail", c.detail());
            check.put("duration_ms", c.durationMs());
            return check;
        }).toList());
        json.put("tested_at", testedAt.toString());
        return json;
    }
}
