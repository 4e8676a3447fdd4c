package dev.agentauth.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduledEventTest {

    private static Optional<ScheduledEvent> read(String json) {
        return ScheduledEvent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheDeliveryIdAndTheScheduledTime() {
        ScheduledEvent event = read("""
                {"version":"0","id":"53dc4d37","detail-type":"Scheduled Event","source":"aws.events",
                 "time":"2026-01-01T00:05:00Z","resources":[],"detail":{}}""").orElseThrow();

        assertEquals("53dc4d37", event.id());
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), event.time());
    }

    @Test
    void anythingButAScheduledEventRunsNothing() {
        assertTrue(read("{\"version\":\"2.0\",\"routeKey\":\"PRIMING\"}").isEmpty());
    }

    @Test
    void aScheduledEventWithoutIdOrTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("{\"detail-type\":\"Scheduled Event\",\"time\":\"2026-01-01T00:00:00Z\"}"));
        assertThrows(IllegalArgumentException.class, () -> read("{\"detail-type\":\"Scheduled Event\",\"id\":\"x\",\"time\":\"yesterday\"}"));
    }
}
