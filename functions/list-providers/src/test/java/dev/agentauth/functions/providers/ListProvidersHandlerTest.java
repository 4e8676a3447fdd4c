package dev.agentauth.functions.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.config.Environment;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListProvidersHandlerTest {

    private final ListProvidersHandler handler = new ListProvidersHandler(Environment.of(Map.of()));

    @Test
    void listsEveryTemplateWithItsScopesAndUrls() {
        HandlerResponse response = HandlerResponse.invoke(handler, HttpApiEventBuilder.request("GET", "/v1/providers"));

        assertEquals(200, response.status());
        assertEquals("no-store", response.header("Cache-Control"));
        List<String> keys = new ArrayList<>();
        response.json().path("items").forEach(item -> keys.add(item.path("key").asText()));
        assertTrue(keys.containsAll(List.of("slack", "openai", "custom")), keys.toString());
        var slack = response.json().path("items").get(keys.indexOf("slack"));
        assertEquals("https://slack.com/oauth/v2/authorize", slack.path("authorization_url").asText());
        assertTrue(slack.path("scopes").size() > 0);
    }

    @Test
    void refusesCallersWithoutTheReadScope() {
        HandlerResponse response = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("GET", "/v1/providers").scopes("tokens:read"));

        assertEquals(403, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    @Test
    void refusesAnonymousCallers() {
        HandlerResponse response = HandlerResponse.invoke(handler, HttpApiEventBuilder.request("GET", "/v1/providers").anonymous());

        assertEquals(401, response.status());
    }
}
