package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentauth.adapters.aws.AwsCallCounter;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class GetConnectionHandlerIT {

    private static final String MARKER = "MARKER-get-" + java.util.UUID.randomUUID();

    private static ConnectionSeeder seeder;
    private static GetConnectionHandler handler;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        seeder = new ConnectionSeeder(aws);
        handler = new GetConnectionHandler(aws.env());
    }

    private static HttpApiEventBuilder get(String id) {
        return HttpApiEventBuilder.request("GET", "/v1/connections/" + id).pathParameter("id", id).scopes("connections:read");
    }

    @Test
    void answersTheConnectionWithItsETagAndMaskedCredential() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-get", MARKER + "-wxyz"));

        HandlerResponse response = HandlerResponse.invoke(handler, get(c.id()));

        assertEquals(200, response.status(), response.body());
        assertEquals("\"1\"", response.header("ETag"));
        assertEquals(c.id(), response.json().path("id").asText());
        assertEquals("wxyz", response.json().path("oauth").path("client_secret").path("last4").asText());
        assertFalse(response.body().contains(MARKER));
    }

    @Test
    void readingOneConnectionMakesExactlyOneDynamoDbCallAndNoSecretsManagerOrKmsCall() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.openai("openai-get", MARKER + "-1234"));
        HandlerResponse.invoke(handler, get(c.id())); // first call may initialise lazily-built clients

        var recorded = AwsCallCounter.record(() -> HandlerResponse.invoke(handler, get(c.id())));

        assertEquals(200, recorded.result().status());
        assertEquals(1, recorded.calls().total(), recorded.calls().toString());
        assertEquals(1, recorded.calls().of("DynamoDb", "GetItem"), recorded.calls().toString());
        assertEquals(0, recorded.calls().to("SecretsManager"));
        assertEquals(0, recorded.calls().to("Kms"));
    }

    @Test
    void anotherTenantsIdIsNotFoundLikeAnUnknownId() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-private", MARKER + "-abcd"));

        HandlerResponse crossTenant = HandlerResponse.invoke(handler, get(c.id()).tenant("tenant-b"));
        HandlerResponse unknown = HandlerResponse.invoke(handler, get("conn_unknown"));

        assertEquals(404, crossTenant.status());
        assertEquals(404, unknown.status());
        assertFalse(crossTenant.body().contains("slack-private"));
        assertEquals(crossTenant.json().path("type"), unknown.json().path("type"));
    }

    @Test
    void requiresTheReadScope() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-scope", MARKER + "-abcd"));

        assertEquals(403, HandlerResponse.invoke(handler, get(c.id()).scopes("audit:read")).status());
        assertEquals(401, HandlerResponse.invoke(handler, get(c.id()).anonymous()).status());
    }
}
