package dev.agentauth.local.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalRuntimeExtension.class)
class ProvidersSystemIT {

    @Test
    void listsTheProviderTemplatesToACallerWithReadScope(ApiClient api) {
        String token = api.token(LocalRuntimeExtension.newTenant(), "connections:read");

        ApiResult providers = api.get("/v1/providers", token);

        assertEquals(200, providers.status(), providers::toString);
        assertEquals("application/json", providers.contentType());
        List<String> keys = new ArrayList<>();
        providers.json().path("items").forEach(item -> keys.add(item.path("key").asText()));
        assertTrue(keys.containsAll(List.of("slack", "openai", "custom")), () -> "keys: " + keys);
    }

    @Test
    void showsOneProviderTemplateByKey(ApiClient api) {
        String token = api.token(LocalRuntimeExtension.newTenant(), "connections:read");

        ApiResult slack = api.get("/v1/providers/slack", token);

        assertEquals(200, slack.status(), slack::toString);
        JsonNode template = slack.json();
        assertEquals("Slack", template.path("display_name").asText());
        assertEquals("oauth2", template.path("auth_types").path(0).asText());
    }

    @Test
    void answersAnUnknownProviderWithNotFoundProblem(ApiClient api) {
        String token = api.token(LocalRuntimeExtension.newTenant(), "connections:read");

        ApiResult missing = api.get("/v1/providers/no-such-provider", token);

        assertEquals(404, missing.status(), missing::toString);
        assertEquals("application/problem+json", missing.contentType());
        assertEquals(404, missing.json().path("status").asInt());
    }
}
