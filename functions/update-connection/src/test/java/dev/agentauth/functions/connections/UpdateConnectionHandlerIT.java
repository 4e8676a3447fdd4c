package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.adapters.aws.EventCapture;
import dev.agentauth.application.audit.AuditQuery;
import dev.agentauth.application.connections.ConnectionJson;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.LastTest;
import dev.agentauth.domain.connection.StatusChange;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEndpointExtension.class)
class UpdateConnectionHandlerIT {

    private static EmulatorResources aws;
    private static EventCapture events;
    private static ConnectionSeeder seeder;
    private static UpdateConnectionHandler handler;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        aws = EmulatorResources.create(endpoint);
        events = EventCapture.on(aws);
        seeder = new ConnectionSeeder(aws);
        handler = new UpdateConnectionHandler(aws.env());
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    private static HttpApiEventBuilder patch(String id, String json) {
        return HttpApiEventBuilder.request("PATCH", "/v1/connections/" + id).pathParameter("id", id)
                .header("content-type", "application/merge-patch+json").body(json);
    }

    private static HandlerResponse send(String id, String json) {
        return HandlerResponse.invoke(handler, patch(id, json));
    }

    private static Connection slack(String name) {
        return seeder.create("tenant-a", ConnectionRequests.slack(name, "xoxb-original-1111"));
    }

    /** Moves a connection through a passing test, as the connection test feature does. */
    private static Connection activate(Connection c) {
        var repository = seeder.component().connections();
        Connection testing = repository.changeStatus(new StatusChange(c.tenantId(), c.id(), c.version(),
                ConnectionStatus.TESTING, null, null, "tester", Instant.now())).orElseThrow();
        return repository.changeStatus(new StatusChange(c.tenantId(), c.id(), testing.version(), ConnectionStatus.ACTIVE, null,
                new LastTest("passed", Instant.now(), List.of(new LastTest.Check("credentials", "passed", "accepted", 12))),
                "tester", Instant.now())).orElseThrow();
    }

    @Test
    void changesSettingsAsANewVersion() {
        Connection c = slack("slack-settings");

        HandlerResponse response = send(c.id(), "{\"settings\":{\"rate_limit\":80},\"description\":\"team bot\"}");

        assertEquals(200, response.status(), response.body());
        assertEquals("\"2\"", response.header("ETag"));
        JsonNode body = response.json();
        assertEquals(80, body.path("settings").path("rate_limit").asInt());
        assertEquals(15, body.path("settings").path("timeout").asInt(), "merge patch keeps what it does not name");
        assertEquals("team bot", body.path("description").asText());
        assertEquals("draft", body.path("status").asText());
        var version = seeder.component().connections().version("tenant-a", c.id(), 2).orElseThrow();
        assertEquals(Set.of("settings.rate_limit", "description"), new HashSet<>(version.changes()));
        assertEquals("user-1", version.actor());
    }

    @Test
    void anEmptyOrUnchangedPatchMakesNoVersion() {
        Connection c = slack("slack-unchanged");

        HandlerResponse response = send(c.id(), "{\"settings\":{\"rate_limit\":50}}");

        assertEquals(200, response.status(), response.body());
        assertEquals(1, response.json().path("version").asInt());
    }

    @Test
    void replacingTheClientSecretWritesANewSecretVersionAndKeepsThePreviousOne() {
        Connection c = slack("slack-rotate");

        HandlerResponse response = send(c.id(), "{\"oauth\":{\"client_secret\":\"xoxb-replaced-2222\"}}");

        assertEquals(200, response.status(), response.body());
        assertEquals("2222", response.json().path("oauth").path("client_secret").path("last4").asText());
        try (SecretsManagerClient secrets = aws.secrets()) {
            String name = aws.secretPrefix() + "tenant-a/" + c.id();
            // staging labels asked for explicitly (moto does not move its default version with the AWSCURRENT label)
            assertEquals("xoxb-replaced-2222", value(secrets.getSecretValue(r -> r.secretId(name).versionStage("AWSCURRENT")).secretString()));
            assertEquals("xoxb-original-1111", value(secrets.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS")).secretString()));
            boolean pendingLeft = secrets.describeSecret(r -> r.secretId(name)).versionIdsToStages().values().stream()
                    .anyMatch(stages -> stages.contains("AWSPENDING"));
            assertFalse(pendingLeft);
        }
        Connection stored = seeder.component().connections().find("tenant-a", c.id()).orElseThrow();
        assertEquals("xoxb-replaced-2222", seeder.component().credentials()
                .readVersion(new dev.agentauth.application.credentials.CredentialRef("tenant-a", c.id()),
                        stored.oauth().clientSecret().versionId()).orElseThrow().reveal());
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        Connection c = slack("slack-if-match");

        HandlerResponse stale = HandlerResponse.invoke(handler, patch(c.id(), "{\"description\":\"x\"}").header("If-Match", "\"7\""));
        HandlerResponse current = HandlerResponse.invoke(handler, patch(c.id(), "{\"description\":\"y\"}").header("If-Match", "\"1\""));
        HandlerResponse nowStale = HandlerResponse.invoke(handler, patch(c.id(), "{\"description\":\"z\"}").header("If-Match", "\"1\""));

        assertEquals(412, stale.status());
        assertEquals(200, current.status());
        assertEquals(412, nowStale.status());
        assertEquals("y", seeder.component().connections().find("tenant-a", c.id()).orElseThrow().description());
    }

    @Test
    void editingCredentialsScopesOrUrlsOfAnActiveConnectionMakesItADraftAgain() {
        Connection scopes = activate(slack("slack-active-scopes"));
        Connection secret = activate(slack("slack-active-secret"));
        Connection url = activate(slack("slack-active-url"));
        Connection harmless = activate(slack("slack-active-settings"));

        JsonNode afterScopes = send(scopes.id(), "{\"scopes\":[\"channels:read\"]}").json();
        JsonNode afterSecret = send(secret.id(), "{\"oauth\":{\"client_secret\":\"new-secret-3333\"}}").json();
        JsonNode afterUrl = send(url.id(), "{\"oauth\":{\"redirect_uri\":\"https://app.example.com/cb\"}}").json();
        JsonNode afterSettings = send(harmless.id(), "{\"settings\":{\"timeout\":20}}").json();

        assertEquals("draft", afterScopes.path("status").asText());
        assertEquals("draft", afterSecret.path("status").asText());
        assertEquals("draft", afterUrl.path("status").asText());
        assertFalse(afterUrl.path("status_reason").isNull());
        assertEquals("active", afterSettings.path("status").asText());
        assertEquals("passed", afterSettings.path("last_test").path("outcome").asText());
    }

    @Test
    void ownerMovesActiveToInactiveAndBackButNothingElse() {
        Connection active = activate(slack("slack-toggle"));
        Connection draft = slack("slack-draft-toggle");

        HandlerResponse off = send(active.id(), "{\"status\":\"inactive\"}");
        HandlerResponse on = send(active.id(), "{\"status\":\"active\"}");
        HandlerResponse draftToActive = send(draft.id(), "{\"status\":\"active\"}");
        HandlerResponse toTesting = send(draft.id(), "{\"status\":\"testing\"}");
        HandlerResponse bogus = send(draft.id(), "{\"status\":\"bogus\"}");

        assertEquals("inactive", off.json().path("status").asText());
        assertEquals("active", on.json().path("status").asText());
        assertEquals(409, draftToActive.status());
        assertEquals(409, toTesting.status());
        assertEquals(422, bogus.status());
        assertEquals("status", bogus.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void aFailedConnectionBecomesADraftWhenEdited() {
        Connection c = slack("slack-error");
        var repository = seeder.component().connections();
        Connection testing = repository.changeStatus(new StatusChange("tenant-a", c.id(), c.version(), ConnectionStatus.TESTING,
                null, null, "tester", Instant.now())).orElseThrow();
        repository.changeStatus(new StatusChange("tenant-a", c.id(), testing.version(), ConnectionStatus.ERROR,
                "invalid credentials", new LastTest("failed", Instant.now(), List.of()), "tester", Instant.now())).orElseThrow();

        JsonNode edited = send(c.id(), "{\"description\":\"fixed\"}").json();

        assertEquals("draft", edited.path("status").asText());
    }

    @Test
    void aStatusChangeLosesAgainstAnEditMadeMeanwhile() {
        Connection c = slack("slack-race");
        send(c.id(), "{\"description\":\"edited while testing\"}");

        var lost = seeder.component().connections().changeStatus(new StatusChange("tenant-a", c.id(), c.version(),
                ConnectionStatus.TESTING, null, null, "tester", Instant.now()));

        assertTrue(lost.isEmpty());
    }

    @Test
    void rejectsReadOnlyFixedUnknownAndRemovedFieldsAllAtOnce() {
        Connection c = slack("slack-invalid-patch");

        HandlerResponse response = send(c.id(), """
                {"id":"conn_other","version":9,"provider":"github","colour":"red",
                 "oauth":{"client_secret":null,"token_url":"ftp://x"},"settings":{"timeout":0}}""");

        assertEquals(422, response.status(), response.body());
        Set<String> fields = new HashSet<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("id", "version", "provider", "colour", "oauth.client_secret", "oauth.token_url", "settings.timeout"), fields);
    }

    @Test
    void renamingToATakenNameIsAConflictAndRenamingFreesTheOldName() {
        Connection first = slack("slack-name-a");
        slack("slack-name-b");

        HandlerResponse taken = send(first.id(), "{\"name\":\"slack-name-b\"}");
        HandlerResponse renamed = send(first.id(), "{\"name\":\"slack-name-c\"}");
        Connection reused = slack("slack-name-a");

        assertEquals(409, taken.status());
        assertEquals(200, renamed.status());
        assertEquals("slack-name-a", reused.name());
    }

    @Test
    void anotherTenantCannotPatchAndLearnsNothing() {
        Connection c = slack("slack-tenant-a-only");

        HandlerResponse response = HandlerResponse.invoke(handler, patch(c.id(), "{\"description\":\"pwned\"}").tenant("tenant-b"));
        HandlerResponse unknown = send("conn_doesnotexist", "{\"description\":\"x\"}");

        assertEquals(404, response.status());
        assertEquals(404, unknown.status());
        assertEquals(response.json().path("title"), unknown.json().path("title"));
        assertEquals(1, seeder.component().connections().find("tenant-a", c.id()).orElseThrow().version());
    }

    @Test
    void aMarkerSecretNeverAppearsInResponsesVersionsAuditOrEvents() {
        String marker = "MARKER-" + java.util.UUID.randomUUID();
        Connection c = seeder.create("tenant-a", ConnectionRequests.openai("openai-marker", marker + "-create"));
        events.drain();

        HandlerResponse response = send(c.id(), "{\"api_key\":{\"key\":\"" + marker + "-patch\"}}");
        HandlerResponse invalid = send(c.id(), "{\"api_key\":{\"key\":\"" + marker + "-bad\", \"placement\":\"body\"}}");

        assertEquals(200, response.status());
        assertEquals(422, invalid.status());
        var component = seeder.component();
        String versions = Json.write(component.connections().versions("tenant-a", c.id(), PageRequest.first(100))
                .map(ConnectionJson::render).items());
        String audit = Json.write(component.auditTrail().find("tenant-a",
                new AuditQuery(Optional.of(c.id()), Optional.empty(), Optional.empty()), PageRequest.first(100))
                .map(dev.agentauth.application.audit.AuditJson::render).items());
        List<JsonNode> published = events.drain();
        assertTrue(published.stream().anyMatch(e -> e.path("detail-type").asText().equals("Credential Rotated")));
        assertTrue(published.stream().anyMatch(e -> e.path("detail-type").asText().equals("Connection Updated")));
        assertTrue(audit.contains("credential.update"));
        for (String output : List.of(response.body(), invalid.body(), versions, audit, Json.write(published))) {
            assertFalse(output.contains(marker), output);
        }
    }

    private static String value(String secretString) {
        return Json.parse(secretString).path("value").asText();
    }

    static ObjectNode object(String json) {
        return (ObjectNode) Json.parse(json);
    }
}
