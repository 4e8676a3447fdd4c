package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class ListConnectionsHandlerIT {

    private static final String MARKER = "MARKER-list-" + java.util.UUID.randomUUID();

    private static ListConnectionsHandler handler;
    private static final List<String> tenantA = new ArrayList<>();
    private static String tenantBId;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        ConnectionSeeder seeder = new ConnectionSeeder(aws);
        for (int i = 0; i < 5; i++) tenantA.add(seeder.create("tenant-a", ConnectionRequests.slack("slack-" + i, MARKER + i)).id());
        tenantA.add(seeder.create("tenant-a", ConnectionRequests.openai("openai-1", MARKER + "k")).id());
        ObjectNode staging = ConnectionRequests.googleWorkspace("gmail-staging", MARKER + "g");
        staging.put("environment", "staging");
        tenantA.add(seeder.create("tenant-a", staging).id());
        tenantBId = seeder.create("tenant-b", ConnectionRequests.slack("slack-b", MARKER + "b")).id();
        handler = new ListConnectionsHandler(aws.env());
    }

    private static HttpApiEventBuilder list() {
        return HttpApiEventBuilder.request("GET", "/v1/connections").scopes("connections:read");
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void listsOnlyTheCallersTenant() {
        HandlerResponse response = HandlerResponse.invoke(handler, list());

        assertEquals(200, response.status(), response.body());
        assertEquals(new HashSet<>(tenantA), ids(response.json()));
        assertTrue(response.json().path("next_cursor").isNull());
        assertFalse(response.body().contains(MARKER));
        assertFalse(response.body().contains(tenantBId));
    }

    @Test
    void pagesWithAnOpaqueCursorWithoutSkippingOrRepeating() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpApiEventBuilder request = list().query("limit", "2");
            if (cursor != null) request.query("cursor", cursor);
            JsonNode page = HandlerResponse.invoke(handler, request).json();
            assertTrue(page.path("items").size() <= 2);
            page.path("items").forEach(i -> assertTrue(seen.add(i.path("id").asText()), "repeated " + i.path("id")));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertEquals(new HashSet<>(tenantA), seen);
        assertEquals(4, pages);
    }

    @Test
    void filtersByProviderStatusAndEnvironment() {
        JsonNode slack = HandlerResponse.invoke(handler, list().query("provider", "slack")).json();
        JsonNode staging = HandlerResponse.invoke(handler, list().query("environment", "staging")).json();
        JsonNode drafts = HandlerResponse.invoke(handler, list().query("status", "draft").query("provider", "openai")).json();
        JsonNode active = HandlerResponse.invoke(handler, list().query("status", "active")).json();
        JsonNode filteredPage = HandlerResponse.invoke(handler, list().query("provider", "slack").query("limit", "3")).json();

        assertEquals(new HashSet<>(tenantA.subList(0, 5)), ids(slack));
        assertEquals(Set.of(tenantA.get(6)), ids(staging));
        assertEquals(Set.of(tenantA.get(5)), ids(drafts));
        assertEquals(0, active.path("items").size());
        assertEquals(3, filteredPage.path("items").size());
        assertFalse(filteredPage.path("next_cursor").isNull());
    }

    @Test
    void anotherTenantsCursorIsRejected() {
        String cursorOfA = HandlerResponse.invoke(handler, list().query("limit", "1")).json().path("next_cursor").asText();

        HandlerResponse replayedByB = HandlerResponse.invoke(handler, list().tenant("tenant-b").query("cursor", cursorOfA));

        assertEquals(400, replayedByB.status());
        assertFalse(replayedByB.body().contains("tenant-a"));
    }

    @Test
    void invalidLimitStatusOrCursorIsABadRequest() {
        for (HttpApiEventBuilder request : List.of(list().query("limit", "0"), list().query("limit", "101"),
                list().query("limit", "ten"), list().query("status", "sleeping"), list().query("cursor", "not-base64!"),
                list().query("cursor", "eyJwayI6IngifQ"))) {
            assertEquals(400, HandlerResponse.invoke(handler, request).status());
        }
    }
}
