package dev.agentauth.functions.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentauth.config.Environment;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GetProviderHandlerTest {

    private final GetProviderHandler handler = new GetProviderHandler(Environment.of(Map.of()));

    @Test
    void answersOneTemplate() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/providers/slack").pathParameter("key", "slack"));

        assertEquals(200, response.status());
        assertEquals("Slack", response.json().path("display_name").asText());
    }

    @Test
    void unknownTemplateIsAProblem404() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/providers/nope").pathParameter("key", "nope"));

        assertEquals(404, response.status());
        assertEquals("https://agentauth.dev/problems/not-found", response.json().path("type").asText());
    }
}
