package dev.agentauth.functions.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.adapters.aws.EmulatorResources;
import dev.agentauth.adapters.aws.EventCapture;
import dev.agentauth.http.HandlerResponse;
import dev.agentauth.http.HttpApiEventBuilder;
import dev.agentauth.json.Json;
import dev.agentauth.testdata.ConnectionRequests;
import dev.agentauth.testkit.AwsEndpoint;
import dev.agentauth.testkit.AwsEndpointExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEndpointExtension.class)
class CreateConnectionHandlerIT {

    private static EmulatorResources aws;
    private static EventCapture events;
    private static CreateConnectionHandler handler;

    @BeforeAll
    static void start(AwsEndpoint endpoint) {
        aws = EmulatorResources.create(endpoint);
        events = EventCapture.on(aws);
        handler = new CreateConnectionHandler(aws.env());
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    private static HandlerResponse create(ObjectNode body) {
        return HandlerResponse.invoke(handler, post(body));
    }

    private static HttpApiEventBuilder post(ObjectNode body) {
        return HttpApiEventBuilder.request("POST", "/v1/connections").body(body);
    }

    @Test
    void createsDraftConnectionFromSlackTemplateBody() {
        HandlerResponse response = create(ConnectionRequests.slack("slack-draft", "xoxb-secret-abcd"));

        assertEquals(201, response.status(), response.body());
        JsonNode c = response.json();
        assertTrue(c.path("id").asText().startsWith("conn_"));
        assertEquals("/v1/connections/" + c.path("id").asText(), response.header("Location"));
        assertEquals("\"1\"", response.header("ETag"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("draft", c.path("status").asText());
        assertEquals("slack", c.path("provider").asText());
        assertEquals("oauth2", c.path("auth_type").asText());
        assertEquals(List.of("channels:read", "chat:write", "users:read"), strings(c.path("scopes")));
        assertEquals("https://slack.com/oauth/v2/authorize", c.path("oauth").path("authorization_url").asText());
        assertEquals("https://slack.com/api/oauth.v2.access", c.path("oauth").path("token_url").asText());
        assertEquals("client_secret_post", c.path("oauth").path("token_endpoint_auth_method").asText());
        assertTrue(c.path("oauth").path("pkce").asBoolean());
        assertEquals(Set.of("set", "last4", "updated_at"), fieldNames(c.path("oauth").path("client_secret")));
        assertTrue(c.path("oauth").path("client_secret").path("set").asBoolean());
        assertEquals("abcd", c.path("oauth").path("client_secret").path("last4").asText());
        assertTrue(c.path("api_key").isNull());
        assertEquals(50, c.path("settings").path("rate_limit").asInt());
        assertEquals(15, c.path("settings").path("timeout").asInt());
        assertEquals(43200, c.path("settings").path("token_expiry").asInt(), "template default fills what the body leaves out");
        assertEquals("vault", c.path("settings").path("token_storage").asText());
        assertEquals(3, c.path("settings").path("retry").path("max_attempts").asInt());
        assertEquals(List.of(429, 500, 502, 503, 504), ints(c.path("settings").path("retry").path("retry_on")));
        assertEquals(90, c.path("rotation").path("max_age_days").asInt());
        assertEquals("POST", c.path("verification").path("method").asText());
        assertEquals("/auth.test", c.path("verification").path("path").asText());
        assertEquals(1, c.path("version").asInt());
        assertEquals("user-1", c.path("created_by").asText());
        assertTrue(c.path("last_test").isNull());
        assertEquals(Set.of("id", "name", "description", "environment", "provider", "auth_type", "status", "status_reason",
                "scopes", "oauth", "api_key", "settings", "rotation", "tags", "verification", "allowed_return_urls", "version",
                "created_at", "updated_at", "created_by", "updated_by", "last_test"), fieldNames(c));
    }

    @Test
    void createsConnectionFromGoogleWorkspaceTemplateBody() {
        HandlerResponse response = create(ConnectionRequests.googleWorkspace("gmail-prod", "GOCSPX-secret-x9Qa"));

        assertEquals(201, response.status(), response.body());
        JsonNode c = response.json();
        assertEquals(List.of("https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/calendar.readonly"),
                strings(c.path("scopes")));
        assertEquals("https://accounts.google.com/o/oauth2/v2/auth", c.path("oauth").path("authorization_url").asText());
        assertEquals("https://oauth2.googleapis.com/token", c.path("oauth").path("token_url").asText());
        assertEquals("offline", c.path("oauth").path("extra_authorization_params").path("access_type").asText());
        assertEquals("x9Qa", c.path("oauth").path("client_secret").path("last4").asText());
        assertEquals(100, c.path("settings").path("rate_limit").asInt());
        assertEquals("prod", c.path("environment").asText());
    }

    @Test
    void createsApiKeyConnectionWithTemplateDefaults() {
        HandlerResponse response = create(ConnectionRequests.openai("openai-main", "sk-test-key-7777"));

        assertEquals(201, response.status(), response.body());
        JsonNode c = response.json();
        assertEquals("api_key", c.path("auth_type").asText());
        assertTrue(c.path("oauth").isNull());
        JsonNode key = c.path("api_key");
        assertEquals(Set.of("set", "last4", "updated_at"), fieldNames(key.path("key")));
        assertEquals("7777", key.path("key").path("last4").asText());
        assertEquals("https://api.openai.com/v1", key.path("base_url").asText());
        assertEquals("header", key.path("placement").asText());
        assertEquals("Authorization", key.path("name").asText());
        assertEquals("Bearer ", key.path("prefix").asText());
        assertEquals(List.of(), strings(c.path("scopes")));
    }

    @Test
    void createsCustomConnectionsWithExplicitUrls() {
        HandlerResponse oauth = create(ConnectionRequests.customOAuth("custom-oauth", "custom-secret-1"));
        HandlerResponse apiKey = create(ConnectionRequests.customApiKey("custom-key", "custom-key-2"));

        assertEquals(201, oauth.status(), oauth.body());
        assertEquals("https://auth.example.com/token", oauth.json().path("oauth").path("token_url").asText());
        assertEquals(List.of("read", "write"), strings(oauth.json().path("scopes")));
        assertEquals(201, apiKey.status(), apiKey.body());
        assertEquals("query", apiKey.json().path("api_key").path("placement").asText());
        assertEquals("https://api.example.com/v2", apiKey.json().path("api_key").path("base_url").asText());
    }

    @Test
    void customProviderRequiresExplicitUrls() {
        ObjectNode oauth = ConnectionRequests.customOAuth("custom-no-urls", "s3cret-value");
        ((ObjectNode) oauth.get("oauth")).remove(List.of("authorization_url", "token_url"));
        ObjectNode apiKey = ConnectionRequests.customApiKey("custom-no-base", "k3y-value");
        ((ObjectNode) apiKey.get("api_key")).remove("base_url");

        assertEquals(Set.of("oauth.authorization_url", "oauth.token_url"), problemFields(create(oauth)));
        assertEquals(Set.of("api_key.base_url"), problemFields(create(apiKey)));
    }

    @Test
    void storesTheCredentialInItsOwnTaggedSecretUnderTheStackKey() {
        JsonNode c = create(ConnectionRequests.slack("slack-secret-check", "xoxb-stored-value-1234")).json();
        String id = c.path("id").asText();

        try (SecretsManagerClient secrets = aws.secrets()) {
            String name = aws.secretPrefix() + "tenant-a/" + id;
            var described = secrets.describeSecret(r -> r.secretId(name));
            assertEquals(aws.keyAlias(), described.kmsKeyId());
            Map<String, String> tags = new java.util.HashMap<>();
            described.tags().forEach(t -> tags.put(t.key(), t.value()));
            assertEquals(Map.of("agentauth:tenant", "tenant-a", "agentauth:connection", id), tags);
            String stored = secrets.getSecretValue(r -> r.secretId(name)).secretString();
            assertEquals("xoxb-stored-value-1234", Json.parse(stored).path("value").asText());
        }
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        ObjectNode body = (ObjectNode) Json.parse("""
                { "name": "", "provider": "slack", "auth_type": "oauth2", "colour": "blue",
                  "scopes": ["channels:read", "not-a-slack-scope", "channels:read", 7],
                  "oauth": { "client_id": "x", "client_secret": "", "token_url": "http://slack.example.com/token",
                             "token_endpoint_auth_method": "private_key_jwt", "nonsense": 1,
                             "extra_authorization_params": {"state": "fixed"} },
                  "api_key": { "key": "k" },
                  "settings": { "rate_limit": 0, "timeout": "30", "token_storage": "disk", "token_expiry": 600,
                                "refresh_buffer": 900, "extra": true,
                                "retry": { "max_attempts": 99, "initial_delay_ms": 500, "max_delay_ms": 100,
                                           "retry_on": [200, 503, 503] },
                                "base_headers": { "Authorization": "Bearer x", "bad header": "v" } },
                  "rotation": { "max_age_days": 0 },
                  "tags": { "ok": "yes", "bad key!": "v" },
                  "verification": { "method": "DELETE", "path": "no-slash" },
                  "allowed_return_urls": ["https://app.example.com/ok", "http://app.example.com/plain", "https://u:p@evil.example.com/"],
                  "environment": "Prod!" }""");

        HandlerResponse response = create(body);

        assertEquals(422, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(new TreeSet<>(Set.of("name", "colour", "scopes[1]", "scopes[2]", "scopes[3]", "oauth.client_secret",
                "oauth.token_url", "oauth.token_endpoint_auth_method", "oauth.nonsense",
                "oauth.extra_authorization_params.state", "api_key", "settings.rate_limit", "settings.timeout",
                "settings.token_storage", "settings.refresh_buffer", "settings.extra", "settings.retry.max_attempts",
                "settings.retry.max_delay_ms", "settings.retry.retry_on[0]", "settings.retry.retry_on[2]",
                "settings.base_headers.Authorization", "settings.base_headers.bad header", "rotation.max_age_days",
                "tags.bad key!", "verification.method", "verification.path", "allowed_return_urls[1]",
                "allowed_return_urls[2]", "environment")), new TreeSet<>(problemFields(response)));
    }

    @Test
    void requiresTheFieldsOfEachAuthType() {
        ObjectNode oauth = Json.object().put("name", "missing-oauth").put("provider", "slack");
        ObjectNode oauthFields = Json.object().put("name", "missing-oauth-fields").put("provider", "slack");
        oauthFields.putObject("oauth");
        ObjectNode apiKey = Json.object().put("name", "missing-key").put("provider", "openai");
        apiKey.putObject("api_key");
        ObjectNode nothing = Json.object();

        assertEquals(Set.of("oauth"), problemFields(create(oauth)));
        assertEquals(Set.of("oauth.client_id", "oauth.client_secret"), problemFields(create(oauthFields)));
        assertEquals(Set.of("api_key.key"), problemFields(create(apiKey)));
        assertEquals(Set.of("name", "provider"), problemFields(create(nothing)));
    }

    @Test
    void rejectsAuthTypeTheProviderDoesNotSupportAndUnknownProviders() {
        ObjectNode wrongType = ConnectionRequests.slack("slack-as-key", "secret-1234");
        wrongType.put("auth_type", "api_key");
        ObjectNode unknown = ConnectionRequests.slack("who", "secret-1234");
        unknown.put("provider", "myspace");

        assertEquals(Set.of("auth_type"), problemFields(create(wrongType)));
        assertEquals(Set.of("provider"), problemFields(create(unknown)));
    }

    @Test
    void rejectsForbiddenScopeCombinations() {
        ObjectNode body = ConnectionRequests.googleWorkspace("gmail-metadata", "secret-1234");
        body.putArray("scopes").add("https://www.googleapis.com/auth/gmail.metadata")
                .add("https://www.googleapis.com/auth/gmail.readonly");

        HandlerResponse response = create(body);

        assertEquals(422, response.status());
        assertEquals(Set.of("scopes"), problemFields(response));
    }

    @Test
    void acceptsPlainHttpOnlyToLoopbackAndOnlyWhenPrivateTargetsAreAllowed() {
        ObjectNode loopback = ConnectionRequests.customOAuth("local-sandbox", "secret-1234");
        ((ObjectNode) loopback.get("oauth")).put("token_url", "http://127.0.0.1:9000/token");
        ObjectNode remote = ConnectionRequests.customOAuth("remote-http", "secret-1234");
        ((ObjectNode) remote.get("oauth")).put("token_url", "http://auth.example.com/token");
        CreateConnectionHandler local = new CreateConnectionHandler(aws.env(Map.of("AGENTAUTH_ALLOW_PRIVATE_TARGETS", "true")));

        assertEquals(Set.of("oauth.token_url"), problemFields(create(loopback)));
        assertEquals(201, HandlerResponse.invoke(local, post(loopback)).status());
        assertEquals(Set.of("oauth.token_url"), problemFields(HandlerResponse.invoke(local, post(remote))));
    }

    @Test
    void boundsSizesAndCounts() {
        ObjectNode body = ConnectionRequests.customOAuth("x".repeat(101), "s".repeat(8193));
        var scopes = body.putArray("scopes");
        for (int i = 0; i < 101; i++) scopes.add("scope-" + i);
        ObjectNode tags = body.putObject("tags");
        for (int i = 0; i < 51; i++) tags.put("t" + i, "v");
        body.put("description", "d".repeat(1001));

        assertEquals(Set.of("name", "oauth.client_secret", "scopes", "tags", "description"), problemFields(create(body)));
    }

    @Test
    void duplicateNameInTheSameEnvironmentIsAConflict() {
        assertEquals(201, create(ConnectionRequests.slack("slack-dup", "secret-1111")).status());
        ObjectNode staging = ConnectionRequests.slack("slack-dup", "secret-2222");
        staging.put("environment", "staging");

        HandlerResponse duplicate = create(ConnectionRequests.slack("slack-dup", "secret-3333"));
        HandlerResponse otherEnvironment = create(staging);
        HandlerResponse otherTenant = HandlerResponse.invoke(handler, post(ConnectionRequests.slack("slack-dup", "secret-4444")).tenant("tenant-b"));

        assertEquals(409, duplicate.status());
        assertEquals("https://agentauth.dev/problems/conflict", duplicate.json().path("type").asText());
        assertEquals(201, otherEnvironment.status());
        assertEquals(201, otherTenant.status());
    }

    @Test
    void malformedJsonIsABadRequestAndAnOversizedBodyIsTooLarge() {
        HandlerResponse malformed = HandlerResponse.invoke(handler,
                HttpApiEventBuilder.request("POST", "/v1/connections").body("{\"name\": "));
        ObjectNode huge = ConnectionRequests.slack("huge", "secret-1234");
        huge.put("description", "d".repeat(300 * 1024));

        assertEquals(400, malformed.status());
        assertEquals(413, create(huge).status());
    }

    @Test
    void sameIdempotencyKeyAndBodyAnswersTheSameConnection() {
        ObjectNode body = ConnectionRequests.slack("slack-idempotent", "secret-idem-1");

        HandlerResponse first = HandlerResponse.invoke(handler, post(body).header("Idempotency-Key", "key-123"));
        HandlerResponse retry = HandlerResponse.invoke(handler, post(body).header("Idempotency-Key", "key-123"));
        HandlerResponse otherBody = HandlerResponse.invoke(handler,
                post(ConnectionRequests.slack("slack-idempotent-2", "secret-idem-2")).header("Idempotency-Key", "key-123"));

        assertEquals(201, first.status(), first.body());
        assertEquals(201, retry.status(), retry.body());
        assertEquals(first.json().path("id"), retry.json().path("id"));
        assertEquals(422, otherBody.status());
        assertEquals(Set.of("Idempotency-Key"), problemFields(otherBody));
        try (SecretsManagerClient secrets = aws.secrets()) {
            String name = aws.secretPrefix() + "tenant-a/" + first.json().path("id").asText();
            assertEquals(1, secrets.listSecretVersionIds(r -> r.secretId(name)).versions().size());
        }
    }

    @Test
    void requiresTheWriteScopeAndAuditsTheDenial() {
        HandlerResponse anonymous = HandlerResponse.invoke(handler, post(ConnectionRequests.slack("anon", "s-1234")).anonymous());
        HandlerResponse readOnly = HandlerResponse.invoke(handler,
                post(ConnectionRequests.slack("read-only", "s-1234")).tenant("tenant-denied").scopes("connections:read"));

        assertEquals(401, anonymous.status());
        assertEquals(403, readOnly.status());
        try (DynamoDbClient dynamo = aws.dynamo()) {
            var items = dynamo.query(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                            .fromS("TENANT#tenant-denied#AUDIT")))).items();
            assertEquals(1, items.size());
            assertEquals("request.denied", items.getFirst().get("action").s());
        }
    }

    @Test
    void publishesConnectionCreatedWithIdsAndNoSecret() {
        events.drain();
        String id = create(ConnectionRequests.slack("slack-events", "xoxb-MARKER-event-9876")).json().path("id").asText();

        List<JsonNode> published = events.drain();

        JsonNode created = published.stream().filter(e -> e.path("detail-type").asText().equals("Connection Created"))
                .findFirst().orElseThrow();
        assertEquals("agentauth", created.path("source").asText());
        assertEquals(id, created.path("detail").path("connection_id").asText());
        assertEquals("tenant-a", created.path("detail").path("tenant_id").asText());
        assertEquals("success", created.path("detail").path("outcome").asText());
        assertFalse(Json.write(published).contains("MARKER"));
    }

    static Set<String> problemFields(HandlerResponse response) {
        assertEquals(422, response.status(), response.body());
        Set<String> fields = new java.util.HashSet<>();
        response.json().path("errors").forEach(e -> {
            assertNotNull(e.path("message").asText(null));
            fields.add(e.path("field").asText());
        });
        return fields;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
