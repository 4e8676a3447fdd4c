package dev.agentauth.functions.rotation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentauth.accounts.AccountsTestStack;
import dev.agentauth.adapters.rotation.ConnectionFixtures;
import dev.agentauth.adapters.rotation.RotationTestComponent;
import dev.agentauth.application.rotation.RotationCommand;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class RollbackCredentialsHandlerIT {

    private final RotationTestComponent stores;
    private final RollbackCredentialsHandler handler;
    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    RollbackCredentialsHandlerIT(AwsEndpoint aws) {
        Map<String, String> environment = AccountsTestStack.create(aws).environment();
        this.stores = RotationTestComponent.create(environment);
        this.handler = new RollbackCredentialsHandler(Environment.of(environment));
    }

    @BeforeEach
    void start() {
        provider.start();
        provider.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)));
        // this provider accepts any client secret
        provider.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private Connection connection(SecretValue secret) {
        return ConnectionFixtures.activeOAuthConnection(stores.connections(), stores.store(), "tenant-a", secret,
                "http://127.0.0.1:" + provider.port(), Instant.now());
    }

    private HttpApiEventBuilder rollback(Connection connection) {
        return HttpApiEventBuilder.request("POST", "/v1/connections/" + connection.id() + "/credentials/rollback")
                .routeKey("POST /v1/connections/{id}/credentials/rollback").pathParameter("id", connection.id())
                .tenant(connection.tenantId());
    }

    @Test
    void restoresTheSecretTheLastRotationReplaced() {
        SecretValue old = new SecretValue("old-" + UUID.randomUUID());
        Connection connection = connection(old);
        stores.rotations().rotate(new RotationCommand(new Caller("tenant-a", "owner", Set.of("connections:write")),
                connection.id(), new SecretValue("new-" + UUID.randomUUID()), Optional.empty(), "req-1"));

        HandlerResponse response = HandlerResponse.invoke(handler, rollback(connection));

        assertEquals(200, response.status());
        assertEquals("rolled_back", response.json().path("outcome").asText());
        assertEquals(old.last4(), response.json().path("credential").path("last4").asText());
        assertEquals(old.last4(), stores.connections().find("tenant-a", connection.id()).orElseThrow()
                .credential().orElseThrow().last4());
    }

    @Test
    void aConnectionNeverRotatedHasNothingToRollBack() {
        Connection connection = connection(new SecretValue("only-" + UUID.randomUUID()));

        assertEquals(409, HandlerResponse.invoke(handler, rollback(connection)).status());
        assertEquals(404, HandlerResponse.invoke(handler, rollback(connection).tenant("tenant-b")).status());
    }
}
