package dev.agentauth.functions.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testdata.ConnectionSeeder;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEndpointExtension.class)
class ListAuditRecordsHandlerIT {

    private static final String MARKER = "MARKER-audit-" + java.util.UUID.randomUUID();

    private static ListAuditRecordsHandler handler;
    private static Connection first;
    private static Connection second;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        EmulatorResources aws = EmulatorResources.create(endpoint);
        ConnectionSeeder seeder = new ConnectionSeeder(aws);
        first = seeder.create("tenant-a", ConnectionRequests.slack("slack-audited", MARKER + "-1"));
        seeder.update("tenant-a", first.id(), (ObjectNode) Json.parse("{\"oauth\":{\"client_secret\":\"" + MARKER + "-2\"}}"));
        second = seeder.create("tenant-a", ConnectionRequests.openai("openai-audited", MARKER + "-3"));
        seeder.component().deleteConnection().delete(ConnectionSeeder.caller("tenant-a"), second.id(), Optional.empty(), "req-delete");
        seeder.component().auditLog().record(new AuditRecord(Instant.now(), "agent-7", "tenant-a", "token.issue", "acct_42",
                "success", "req-token", Map.of("connection_id", first.id(), "account_id", "acct_42")));
        seeder.create("tenant-b", ConnectionRequests.slack("slack-other-tenant", MARKER + "-4"));
        handler = new ListAuditRecordsHandler(aws.env());
    }

    private static HttpApiEventBuilder audit() {
        return HttpApiEventBuilder.request("GET", "/v1/audit").scopes("audit:read");
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(i -> actions.add(i.path("action").asText()));
        return actions;
    }

    @Test
    void listsTheTenantsRecordsWithoutSecrets() {
        HandlerResponse response = HandlerResponse.invoke(handler, audit());

        assertEquals(200, response.status(), response.body());
        List<String> actions = actions(response.json());
        assertEquals(Set.of("connection.create", "credential.create", "connection.update", "credential.update",
                "connection.delete", "credential.delete", "token.issue"), new HashSet<>(actions));
        assertEquals(9, actions.size());
        JsonNode record = response.json().path("items").get(0);
        assertEquals(Set.of("at", "actor", "tenant_id", "action", "target", "outcome", "request_id", "detail"), names(record));
        response.json().path("items").forEach(i -> assertEquals("tenant-a", i.path("tenant_id").asText()));
        assertFalse(response.body().contains(MARKER));
        assertFalse(response.body().contains("slack-other-tenant"));
    }

    @Test
    void filtersByConnectionAccountAndAction() {
        JsonNode byConnection = HandlerResponse.invoke(handler, audit().query("connection_id", first.id())).json();
        JsonNode byAccount = HandlerResponse.invoke(handler, audit().query("account_id", "acct_42")).json();
        JsonNode byAction = HandlerResponse.invoke(handler, audit().query("action", "connection.delete")).json();
        JsonNode byBoth = HandlerResponse.invoke(handler, audit().query("connection_id", first.id()).query("action", "credential.update")).json();

        assertEquals(Set.of("connection.create", "credential.create", "connection.update", "credential.update", "token.issue"),
                new HashSet<>(actions(byConnection)));
        assertEquals(List.of("token.issue"), actions(byAccount));
        assertEquals(List.of("connection.delete"), actions(byAction));
        assertEquals(second.id(), byAction.path("items").get(0).path("target").asText());
        assertEquals(List.of("credential.update"), actions(byBoth));
    }

    @Test
    void pagesWithoutSkippingOrRepeating() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            HttpApiEventBuilder request = audit().query("limit", "3");
            if (cursor != null) request.query("cursor", cursor);
            JsonNode page = HandlerResponse.invoke(handler, request).json();
            page.path("items").forEach(i -> assertTrue(seen.add(i.path("at").asText() + i.path("action").asText()
                    + i.path("target").asText())));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);

        assertEquals(9, seen.size());
    }

    @Test
    void anotherTenantSeesOnlyItsOwnRecordsAndCannotUseOurCursor() {
        JsonNode ofB = HandlerResponse.invoke(handler, audit().tenant("tenant-b")).json();
        JsonNode aboutOurConnection = HandlerResponse.invoke(handler, audit().tenant("tenant-b").query("connection_id", first.id())).json();
        String ourCursor = HandlerResponse.invoke(handler, audit().query("limit", "1")).json().path("next_cursor").asText();

        assertEquals(List.of("connection.create", "credential.create"), actions(ofB).stream().sorted().toList());
        assertEquals(0, aboutOurConnection.path("items").size());
        assertEquals(400, HandlerResponse.invoke(handler, audit().tenant("tenant-b").query("cursor", ourCursor)).status());
    }

    @Test
    void requiresTheAuditScope() {
        assertEquals(403, HandlerResponse.invoke(handler, audit().tenant("tenant-c").scopes("connections:read")).status());
        assertEquals(400, HandlerResponse.invoke(handler, audit().query("limit", "500")).status());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
