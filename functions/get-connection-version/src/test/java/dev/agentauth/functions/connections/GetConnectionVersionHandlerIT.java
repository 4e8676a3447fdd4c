package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class GetConnectionVersionHandlerIT {

    private static final String MARKER = "MARKER-version-" + java.util.UUID.randomUUID();

    private static ConnectionSeeder seeder;
    private static GetConnectionVersionHandler handler;
    private static Connection connection;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        seeder = new ConnectionSeeder(aws);
        handler = new GetConnectionVersionHandler(aws.env());
        connection = seeder.create("tenant-a", ConnectionRequests.openai("openai-history", MARKER + "-first"));
        seeder.update("tenant-a", connection.id(), (ObjectNode) Json.parse("{\"api_key\":{\"key\":\"" + MARKER + "-9876\"}}"));
    }

    private static HttpApiEventBuilder version(String id, String n) {
        return HttpApiEventBuilder.request("GET", "/v1/connections/" + id + "/versions/" + n)
                .pathParameter("id", id).pathParameter("version", n).scopes("connections:read");
    }

    @Test
    void answersOneVersionAsItWas() {
        HandlerResponse first = HandlerResponse.invoke(handler, version(connection.id(), "1"));
        HandlerResponse second = HandlerResponse.invoke(handler, version(connection.id(), "2"));

        assertEquals(200, first.status(), first.body());
        assertEquals(1, first.json().path("version").asInt());
        assertEquals("irst", first.json().path("connection").path("api_key").path("key").path("last4").asText());
        assertEquals("9876", second.json().path("connection").path("api_key").path("key").path("last4").asText());
        assertEquals("api_key.key", second.json().path("changes").get(0).asText());
        assertFalse(first.body().contains(MARKER));
        assertFalse(second.body().contains(MARKER));
    }

    @Test
    void unknownVersionsAndOtherTenantsAreNotFound() {
        assertEquals(404, HandlerResponse.invoke(handler, version(connection.id(), "3")).status());
        assertEquals(404, HandlerResponse.invoke(handler, version(connection.id(), "latest")).status());
        assertEquals(404, HandlerResponse.invoke(handler, version("conn_nope", "1")).status());
        HandlerResponse crossTenant = HandlerResponse.invoke(handler, version(connection.id(), "1").tenant("tenant-b"));
        assertEquals(404, crossTenant.status());
        assertFalse(crossTenant.body().contains("openai-history"));
    }
}
