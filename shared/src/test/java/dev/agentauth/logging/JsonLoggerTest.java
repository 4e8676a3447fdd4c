package dev.agentauth.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

class JsonLoggerTest {

    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final JsonLoggerFactory factory = new JsonLoggerFactory(Level.INFO, Level.WARN, "agentauth", mdc);

    @Test
    void writesOneJsonLinePerEventWithTheMdcAndTheFormattedMessage() {
        mdc.put("request_id", "req-1");
        List<JsonNode> lines = capture(() -> factory.getLogger("dev.agentauth.http.HttpApi")
                .info("{} -> {} in {} ms", "GET /v1/providers", 200, 4));

        assertEquals(1, lines.size());
        JsonNode line = lines.getFirst();
        assertEquals("INFO", line.path("level").asText());
        assertEquals("dev.agentauth.http.HttpApi", line.path("logger").asText());
        assertEquals("GET /v1/providers -> 200 in 4 ms", line.path("message").asText());
        assertEquals("req-1", line.path("request_id").asText());
        assertEquals("agentauth", line.path("service").asText());
        assertFalse(line.path("timestamp").asText().isEmpty());
    }

    @Test
    void escapesQuotesNewlinesAndControlCharactersAndReportsAThrowable() {
        List<JsonNode> lines = capture(() -> factory.getLogger("dev.agentauth.x")
                .error("said \"no\"\nthen\t\u0001left", new IllegalStateException("bad \"state\"")));

        assertEquals(1, lines.size());
        JsonNode line = lines.getFirst();
        assertEquals("said \"no\"\nthen\t\u0001left", line.path("message").asText());
        assertEquals("java.lang.IllegalStateException", line.path("error").path("name").asText());
        assertEquals("bad \"state\"", line.path("error").path("message").asText());
        assertTrue(line.path("error").path("stack").asText().contains("JsonLoggerTest"));
    }

    @Test
    void projectLoggersFollowTheConfiguredLevelAndLibrariesOnlyWarn() {
        List<JsonNode> lines = capture(() -> {
            factory.getLogger("dev.agentauth.y").debug("hidden");
            factory.getLogger("software.amazon.awssdk.core").info("hidden too");
            factory.getLogger("software.amazon.awssdk.core").warn("shown");
            factory.getLogger("dev.agentauth.y").info("shown too");
        });

        assertEquals(List.of("shown", "shown too"), lines.stream().map(l -> l.path("message").asText()).toList());
    }

    @Test
    void anUnknownLevelNameFallsBackToTheDefault() {
        assertEquals(Level.INFO, JsonLogProvider.level("chatty", Level.INFO));
        assertEquals(Level.DEBUG, JsonLogProvider.level(" debug ", Level.INFO));
        assertEquals(Level.INFO, JsonLogProvider.level(null, Level.INFO));
    }

    private static List<JsonNode> capture(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(Json::parse).toList();
    }
}
