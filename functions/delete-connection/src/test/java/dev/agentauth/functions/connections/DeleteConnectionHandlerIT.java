package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.adapters.aws.EventCapture;
import dev.agentauth.application.connections.ConnectionFilter;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEndpointExtension.class)
class DeleteConnectionHandlerIT {

    private static final String MARKER = "MARKER-delete-" + java.util.UUID.randomUUID();

    private static EmulatorResources aws;
    private static EventCapture events;
    private static ConnectionSeeder seeder;
    private static DeleteConnectionHandler handler;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        aws = EmulatorResources.create(endpoint);
        events = EventCapture.on(aws);
        seeder = new ConnectionSeeder(aws);
        handler = new DeleteConnectionHandler(aws.env());
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    private static HttpApiEventBuilder delete(String id) {
        return HttpApiEventBuilder.request("DELETE", "/v1/connections/" + id).pathParameter("id", id);
    }

    @Test
    void deletedConnectionDisappearsAtOnceAndItsSecretIsScheduledForDeletion() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-delete", MARKER + "-1"));
        events.drain();

        HandlerResponse response = HandlerResponse.invoke(handler, delete(c.id()));

        assertEquals(204, response.status(), response.body());
        var repository = seeder.component().connections();
        assertTrue(repository.find("tenant-a", c.id()).isEmpty());
        assertTrue(repository.list("tenant-a", ConnectionFilter.none(), PageRequest.first(100)).items().stream()
                .noneMatch(x -> x.id().equals(c.id())));
        try (SecretsManagerClient secrets = aws.secrets()) {
            var described = secrets.describeSecret(r -> r.secretId(aws.secretPrefix() + "tenant-a/" + c.id()));
            assertNotNull(described.deletedDate(), "scheduled for deletion, not destroyed");
            assertTrue(Duration.between(java.time.Instant.now(), described.deletedDate()).toDays() >= 6,
                    "recovery window of AGENTAUTH_SECRET_RECOVERY_DAYS (7)");
        }
        List<JsonNode> published = events.drain();
        JsonNode deleted = published.stream().filter(e -> e.path("detail-type").asText().equals("Connection Deleted")).findFirst().orElseThrow();
        assertEquals(c.id(), deleted.path("detail").path("connection_id").asText());
        assertFalse(Json.write(published).contains(MARKER));
    }

    @Test
    void deletingTwiceIsNotFoundAndTheNameCanBeReused() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-reuse", MARKER + "-2"));

        assertEquals(204, HandlerResponse.invoke(handler, delete(c.id())).status());
        assertEquals(404, HandlerResponse.invoke(handler, delete(c.id())).status());
        assertEquals("slack-reuse", seeder.create("tenant-a", ConnectionRequests.slack("slack-reuse", MARKER + "-3")).name());
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-delete-if-match", MARKER + "-4"));

        assertEquals(412, HandlerResponse.invoke(handler, delete(c.id()).header("If-Match", "\"2\"")).status());
        assertEquals(204, HandlerResponse.invoke(handler, delete(c.id()).header("If-Match", "\"1\"")).status());
    }

    @Test
    void anotherTenantCannotDelete() {
        Connection c = seeder.create("tenant-a", ConnectionRequests.slack("slack-keep", MARKER + "-5"));

        HandlerResponse response = HandlerResponse.invoke(handler, delete(c.id()).tenant("tenant-b"));

        assertEquals(404, response.status());
        assertTrue(seeder.component().connections().find("tenant-a", c.id()).isPresent());
        assertEquals(403, HandlerResponse.invoke(handler, delete(c.id()).scopes("connections:read")).status());
    }
}
