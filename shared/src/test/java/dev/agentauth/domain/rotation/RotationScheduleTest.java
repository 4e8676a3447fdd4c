package dev.agentauth.domain.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.Rotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationScheduleTest {

    private static final Instant CHANGED = Instant.parse("2026-01-01T00:00:00Z");

    private static Connection apiKeyConnection(int maxAgeDays) {
        return new Connection.Builder().id("conn_1").tenantId("t").name("n").environment("prod").provider("openai")
                .authType(AuthType.API_KEY)
                .apiKey(new ApiKeyConfig(new CredentialSummary(true, "abcd", CHANGED, "v1"), "https://api.example.com",
                        KeyPlacement.HEADER, "Authorization", "Bearer "))
                .rotation(new Rotation(maxAgeDays)).build();
    }

    @Test
    void aCredentialIsDueItsMaximumAgeAfterItsLastChange() {
        Connection connection = apiKeyConnection(90);

        assertEquals(Optional.of(CHANGED.plus(Duration.ofDays(90))), RotationSchedule.dueAt(connection));
        assertFalse(RotationSchedule.due(connection, CHANGED.plus(Duration.ofDays(89))));
        assertTrue(RotationSchedule.due(connection, CHANGED.plus(Duration.ofDays(90))));
    }

    @Test
    void noMaximumAgeMeansNeverDue() {
        assertEquals(Optional.empty(), RotationSchedule.dueAt(apiKeyConnection(0)));
    }
}
