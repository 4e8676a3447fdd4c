package dev.agentauth.functions.rotation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.adapters.rotation.ConnectionFixtures;
import dev.agentauth.adapters.rotation.RotationTestComponent;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class RotateCredentialsHandlerIT {

    private final Map<String, String> environment;
    private final RotationTestComponent stores;
    private final RotateCredentialsHandler handler;
    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    RotateCredentialsHandlerIT(AwsEndpoint aws) {
        this.environment = AccountsTestStack.create(aws).environment();
        this.stores = RotationTestComponent.create(environment);
        this.handler = new RotateCredentialsHandler(Environment.of(environment));
    }

    @BeforeEach
    void start() {
        provider.start();
        provider.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)));
        provider.stubFor(post(urlPathEqualTo("/token")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private SecretValue accepted(String secret) {
        provider.stubFor(post(urlPathEqualTo("/token")).atPriority(1).withRequestBody(containing("client_secret=" + secret))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        return new SecretValue(secret);
    }

    private Connection connection(String tenant) {
        return ConnectionFixtures.activeOAuthConnection(stores.connections(), stores.store(), tenant,
                accepted("old-" + UUID.randomUUID()), "http://127.0.0.1:" + provider.port(), Instant.now());
    }

    private HttpApiEventBuilder rotate(Connection connection, String body) {
        return HttpApiEventBuilder.request("POST", "/v1/connections/" + connection.id() + "/credentials")
                .routeKey("POST /v1/connections/{id}/credentials").pathParameter("id", connection.id())
                .tenant(connection.tenantId()).body(body);
    }

    @Test
    void rotatesToANewSecretThatPassesItsTestWithoutEchoingIt() {
        Connection connection = connection("tenant-a");
        SecretValue fresh = accepted("new-" + UUID.randomUUID());

        HandlerResponse response = HandlerResponse.invoke(handler,
                rotate(connection, "{\"oauth\":{\"client_secret\":\"" + fresh.reveal() + "\"}}"));

        assertEquals(200, response.status());
        assertEquals("rotated", response.json().path("outcome").asText());
        assertEquals(fresh.last4(), response.json().path("credential").path("last4").asText());
        assertFalse(response.body().contains(fresh.reveal()), "the secret is write-only");
    }

    @Test
    void reportsAFailedTestAndKeepsTheOldSecret() {
        Connection connection = connection("tenant-a");

        HandlerResponse response = HandlerResponse.invoke(handler,
                rotate(connection, "{\"oauth\":{\"client_secret\":\"wrong-secret-value\"}}"));

        assertEquals(200, response.status());
        assertEquals("failed", response.json().path("outcome").asText());
        assertTrue(response.json().path("reason").asText().startsWith("invalid credentials"));
        assertEquals(connection.oauth().clientSecret().last4(), response.json().path("credential").path("last4").asText());
    }

    @Test
    void listsEveryInvalidFieldAndRejectsTheWrongCredentialKind() {
        Connection connection = connection("tenant-a");

        HandlerResponse unknown = HandlerResponse.invoke(handler,
                rotate(connection, "{\"oauth\":{\"client_secret\":\"\",\"extra\":1},\"other\":true}"));
        HandlerResponse wrongKind = HandlerResponse.invoke(handler, rotate(connection, "{\"api_key\":{\"key\":\"some-api-key\"}}"));

        assertEquals(422, unknown.status());
        assertEquals(3, unknown.json().path("errors").size());
        assertEquals(422, wrongKind.status());
    }

    @Test
    void anotherTenantsConnectionIsNotFound() {
        Connection connection = connection("tenant-a");

        HandlerResponse response = HandlerResponse.invoke(handler,
                rotate(connection, "{\"oauth\":{\"client_secret\":\"new-secret-value\"}}").tenant("tenant-b"));

        assertEquals(404, response.status());
    }

    @Test
    void requiresTheConnectionsWriteScope() {
        Connection connection = connection("tenant-a");

        HandlerResponse response = HandlerResponse.invoke(handler,
                rotate(connection, "{\"oauth\":{\"client_secret\":\"new-secret-value\"}}").scopes("connections:read"));

        assertEquals(403, response.status());
    }
}
