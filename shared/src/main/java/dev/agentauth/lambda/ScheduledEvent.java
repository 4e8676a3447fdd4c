package dev.agentauth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An EventBridge scheduled event ({@code "detail-type": "Scheduled Event"}), reduced to what a
 * scheduled job uses: the delivery id (the same for every redelivery of one tick) and the
 * scheduled time.
 */
public record ScheduledEvent(String id, Instant time, String detailType) {

    public static final String DETAIL_TYPE = "Scheduled Event";

    public ScheduledEvent {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a scheduled event needs an id");
        if (time == null) throw new IllegalArgumentException("a scheduled event needs a time");
    }

    /**
     * Reads the Lambda input; empty for anything but a scheduled event (a scheduled function has
     * no other trigger: other input, such as a priming request, runs nothing).
     */
    public static Optional<ScheduledEvent> read(InputStream input) {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event", e);
        }
        JsonNode event = Json.parse(text);
        if (!DETAIL_TYPE.equals(event.path("detail-type").asText(""))) return Optional.empty();
        return Optional.of(parse(event));
    }

    public static ScheduledEvent parse(JsonNode event) {
        String detailType = event.path("detail-type").asText("");
        if (!DETAIL_TYPE.equals(detailType)) {
            throw new IllegalArgumentException("not a scheduled event (detail-type '" + detailType + "')");
        }
        try {
            return new ScheduledEvent(event.path("id").asText(null), Instant.parse(event.path("time").asText("")), detailType);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a scheduled event needs an ISO-8601 time", e);
        }
    }
}
