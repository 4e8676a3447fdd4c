package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class ListConnectionVersionsHandlerIT {

    private static final String MARKER = "MARKER-versions-" + java.util.UUID.randomUUID();

    private static ConnectionSeeder seeder;
    private static ListConnectionVersionsHandler handler;
    private static Connection connection;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        seeder = new ConnectionSeeder(aws);
        handler = new ListConnectionVersionsHandler(aws.env());
        connection = seeder.create("tenant-a", ConnectionRequests.slack("slack-history", MARKER + "-first"));
        seeder.update("tenant-a", connection.id(), (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                "{\"settings\":{\"rate_limit\":70}}"));
        seeder.update("tenant-a", connection.id(), (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                "{\"oauth\":{\"client_secret\":\"" + MARKER + "-second\"}}"));
    }

    private static HttpApiEventBuilder versions(String id) {
        return HttpApiEventBuilder.request("GET", "/v1/connections/" + id + "/versions").pathParameter("id", id)
                .scopes("connections:read");
    }

    @Test
    void listsEveryVersionNewestFirstWithWhoChangedWhat() {
        HandlerResponse response = HandlerResponse.invoke(handler, versions(connection.id()));

        assertEquals(200, response.status(), response.body());
        JsonNode items = response.json().path("items");
        assertEquals(3, items.size());
        List<Integer> numbers = new ArrayList<>();
        items.forEach(i -> numbers.add(i.path("version").asInt()));
        assertEquals(List.of(3, 2, 1), numbers);
        assertEquals("oauth.client_secret", items.get(0).path("changes").get(0).asText());
        assertEquals("settings.rate_limit", items.get(1).path("changes").get(0).asText());
        assertEquals("created", items.get(2).path("changes").get(0).asText());
        assertEquals("seeder", items.get(0).path("actor").asText());
        assertEquals(70, items.get(1).path("connection").path("settings").path("rate_limit").asInt());
        assertTrue(items.get(0).path("connection").path("oauth").path("client_secret").path("set").asBoolean());
        assertFalse(response.body().contains(MARKER));
        assertFalse(response.body().contains("version_id"));
    }

    @Test
    void pagesThroughTheHistory() {
        JsonNode first = HandlerResponse.invoke(handler, versions(connection.id()).query("limit", "2")).json();
        JsonNode second = HandlerResponse.invoke(handler, versions(connection.id()).query("limit", "2")
                .query("cursor", first.path("next_cursor").asText())).json();

        assertEquals(2, first.path("items").size());
        assertEquals(1, second.path("items").size());
        assertEquals(1, second.path("items").get(0).path("version").asInt());
        assertTrue(second.path("next_cursor").isNull());
    }

    @Test
    void anotherTenantSeesNoHistory() {
        HandlerResponse crossTenant = HandlerResponse.invoke(handler, versions(connection.id()).tenant("tenant-b"));
        String cursorOfA = HandlerResponse.invoke(handler, versions(connection.id()).query("limit", "1")).json()
                .path("next_cursor").asText();
        Connection ofB = seeder.create("tenant-b", ConnectionRequests.slack("slack-b-history", MARKER + "-b"));
        HandlerResponse foreignCursor = HandlerResponse.invoke(handler, versions(ofB.id()).tenant("tenant-b").query("cursor", cursorOfA));

        assertEquals(404, crossTenant.status());
        assertFalse(crossTenant.body().contains("slack-history"));
        assertEquals(400, foreignCursor.status());
    }
}
