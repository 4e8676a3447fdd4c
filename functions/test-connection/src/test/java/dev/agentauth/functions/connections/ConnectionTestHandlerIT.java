package dev.agentauth.functions.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.adapters.aws.EventCapture;
import dev.agentauth.application.audit.AuditQuery;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /v1/connections/{id}/test through the real handler, DynamoDB, Secrets Manager and
 * EventBridge on moto, against a WireMock provider on loopback (reachable only where private
 * targets are allowed, as in the local sandbox).
 */
@ExtendWith(AwsEndpointExtension.class)
class ConnectionTestHandlerIT {

    private static final String TENANT = "tenant-a";
    private static final String KEY = "sk-marker-apikey-5e9d";

    private EmulatorResources resources;
    private WireMockServer provider;
    private SeedComponent seed;

    @BeforeEach
    void start(AwsEndpoint endpoint) {
        resources = EmulatorResources.create(endpoint);
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        seed = SeedComponent.create(resources.env(Map.of("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private TestConnectionHandler handler(boolean allowPrivateTargets) {
        return new TestConnectionHandler(resources.env(Map.of("AGENTAUTH_ALLOW_PRIVATE_TARGETS", Boolean.toString(allowPrivateTargets))));
    }

    private Connection apiKeyConnection(String name) {
        ObjectNode body = (ObjectNode) Json.parse("""
                {"name": "%s", "provider": "custom", "auth_type": "api_key",
                 "api_key": {"key": "%s", "base_url": "http://127.0.0.1:%d", "placement": "header",
                             "name": "Authorization", "prefix": "Bearer "},
                 "verification": {"method": "GET", "path": "/v1/me", "expected_status": 200},
                 "settings": {"timeout": 5, "retry": {"max_attempts": 2, "initial_delay_ms": 10, "max_delay_ms": 50,
                              "retry_on": [500, 502, 503, 504]}}}
                """.formatted(name, KEY, provider.port()));
        Caller owner = new Caller(TENANT, "owner", Set.of("connections:write"));
        return seed.create().create(owner, body, Optional.empty(), "seed-" + name);
    }

    private static HandlerResponse test(TestConnectionHandler handler, String connectionId, String tenant) {
        return HandlerResponse.invoke(handler, HttpApiEventBuilder.request("POST", "/v1/connections/" + connectionId + "/test")
                .routeKey("POST /v1/connections/{id}/test").pathParameter("id", connectionId).tenant(tenant)
                .scopes("connections:test"));
    }

    @Test
    void activatesAConnectionWhoseKeyTheProviderAccepts() {
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(200).withBody("{\"id\":\"me\"}")));
        Connection connection = apiKeyConnection("key-valid");

        try (EventCapture capture = EventCapture.on(resources)) {
            HandlerResponse response = test(handler(true), connection.id(), TENANT);

            assertEquals(200, response.status(), response.body());
            JsonNode json = response.json();
            assertEquals("passed", json.path("outcome").asText());
            assertEquals("active", json.path("status").asText());
            assertEquals(List.of("endpoint_urls", "api_key"),
                    json.path("checks").valueStream().map(c -> c.path("name").asText()).toList());
            assertTrue(json.path("tested_at").isTextual());
            provider.verify(getRequestedFor(urlPathEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer " + KEY)));

            Connection stored = seed.connections().find(TENANT, connection.id()).orElseThrow();
            assertEquals(ConnectionStatus.ACTIVE, stored.status());
            assertEquals("passed", stored.lastTest().outcome());
            List<AuditRecord> tests = seed.audit().find(TENANT, new AuditQuery(Optional.of(connection.id()), Optional.empty(),
                    Optional.of("connection.test")), PageRequest.first(10)).items();
            assertEquals(1, tests.size());
            assertEquals("passed", tests.getFirst().outcome());
            List<JsonNode> tested = capture.drain().stream()
                    .filter(e -> e.path("detail-type").asText().equals("Connection Tested")).toList();
            assertEquals(1, tested.size());
            assertEquals("active", tested.getFirst().path("detail").path("status").asText());
            assertFalse(response.body().contains(KEY));
        }
    }

    @Test
    void reportsInvalidCredentialsAndMovesTheConnectionToError() {
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(401).withBody("{\"error\":\"bad key " + KEY + "\"}")));
        Connection connection = apiKeyConnection("key-invalid");

        HandlerResponse response = test(handler(true), connection.id(), TENANT);

        assertEquals(200, response.status());
        assertEquals("failed", response.json().path("outcome").asText());
        assertEquals("error", response.json().path("status").asText());
        assertFalse(response.body().contains(KEY), "provider bodies are never echoed");
        Connection stored = seed.connections().find(TENANT, connection.id()).orElseThrow();
        assertEquals(ConnectionStatus.ERROR, stored.status());
        assertTrue(stored.statusReason().startsWith("invalid credentials: "), stored.statusReason());
    }

    @Test
    void refusesTheLoopbackProviderWhenPrivateTargetsAreDisallowed() {
        provider.stubFor(get("/v1/me").willReturn(aResponse().withStatus(200)));
        Connection connection = apiKeyConnection("key-private");

        HandlerResponse response = test(handler(false), connection.id(), TENANT);

        assertEquals(200, response.status());
        assertEquals("error", response.json().path("status").asText());
        JsonNode urls = response.json().path("checks").get(0);
        assertEquals("failed", urls.path("outcome").asText());
        assertTrue(urls.path("detail").asText().startsWith("target not allowed: "), urls.toString());
        assertEquals(0, provider.getAllServeEvents().size(), "the key never left");
    }

    @Test
    void answers404ForAnotherTenantsConnection() {
        Connection connection = apiKeyConnection("key-foreign");

        HandlerResponse response = test(handler(true), connection.id(), "tenant-b");

        assertEquals(404, response.status());
        assertEquals(0, provider.getAllServeEvents().size());
    }

    @Test
    void requiresTheConnectionsTestScope() {
        Connection connection = apiKeyConnection("key-scope");

        HandlerResponse response = HandlerResponse.invoke(handler(true), HttpApiEventBuilder
                .request("POST", "/v1/connections/" + connection.id() + "/test").pathParameter("id", connection.id())
                .tenant(TENANT).scopes("connections:read"));

        assertEquals(403, response.status());
    }
}
