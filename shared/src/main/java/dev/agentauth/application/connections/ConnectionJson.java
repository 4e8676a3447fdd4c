package dev.agentauth.application.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.ConnectionSettings;
import dev.agentauth.domain.connection.ConnectionStatus;
import dev.agentauth.domain.connection.CredentialSummary;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.LastTest;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.RetryPolicy;
import dev.agentauth.domain.connection.Rotation;
import dev.agentauth.domain.rotation.RotationSchedule;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.TokenStorage;
import dev.agentauth.domain.connection.Verification;
import dev.agentauth.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a connection: the API shape of API.md ({@link #render}) and the stored form
 * ({@link #store}/{@link #read}), which adds only internal references (credential version ids).
 * Neither ever holds a credential: a connection has none to give.
 */
public final class ConnectionJson {

    private ConnectionJson() {}

    /** The API representation. */
    public static ObjectNode render(Connection c) {
        return write(c, false);
    }

    /** The API representation of a history entry: who changed which fields when, and the configuration after. */
    public static ObjectNode render(dev.agentauth.domain.connection.ConnectionVersion v) {
        ObjectNode o = Json.object();
        o.put("version", v.version());
        o.put("at", instant(v.at()));
        o.put("actor", v.actor());
        strings(o.putArray("changes"), v.changes());
        o.set("connection", render(v.snapshot()));
        return o;
    }

    /** The stored form (API shape plus internal references), read back by {@link #read}. */
    public static ObjectNode store(Connection c) {
        return write(c, true);
    }

    private static ObjectNode write(Connection c, boolean internal) {
        ObjectNode o = Json.object();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("description", c.description());
        o.put("environment", c.environment());
        o.put("provider", c.provider());
        o.put("auth_type", c.authType().wire());
        o.put("status", c.status().wire());
        o.put("status_reason", c.statusReason());
        strings(o.putArray("scopes"), c.scopes());
        if (c.oauth() == null) o.putNull("oauth");
        else {
            OAuthConfig a = c.oauth();
            ObjectNode n = o.putObject("oauth");
            n.put("client_id", a.clientId());
            n.set("client_secret", summary(a.clientSecret(), internal));
            n.put("redirect_uri", a.redirectUri());
            n.put("authorization_url", a.authorizationUrl());
            n.put("token_url", a.tokenUrl());
            n.put("pkce", a.pkce());
            n.put("token_endpoint_auth_method", a.tokenEndpointAuthMethod().wire());
            n.set("extra_authorization_params", Json.mapper().valueToTree(new LinkedHashMap<>(a.extraAuthorizationParams())));
        }
        if (c.apiKey() == null) o.putNull("api_key");
        else {
            ApiKeyConfig k = c.apiKey();
            ObjectNode n = o.putObject("api_key");
            n.set("key", summary(k.key(), internal));
            n.put("base_url", k.baseUrl());
            n.put("placement", k.placement().wire());
            n.put("name", k.name());
            n.put("prefix", k.prefix());
        }
        ConnectionSettings s = c.settings();
        ObjectNode settings = o.putObject("settings");
        settings.put("auto_refresh", s.autoRefresh());
        settings.put("token_expiry", s.tokenExpiry());
        settings.put("refresh_buffer", s.refreshBuffer());
        settings.put("token_storage", s.tokenStorage().wire());
        settings.put("rate_limit", s.rateLimit());
        settings.put("timeout", s.timeout());
        ObjectNode retry = settings.putObject("retry");
        retry.put("max_attempts", s.retry().maxAttempts());
        retry.put("initial_delay_ms", s.retry().initialDelayMs());
        retry.put("max_delay_ms", s.retry().maxDelayMs());
        ArrayNode retryOn = retry.putArray("retry_on");
        s.retry().retryOn().forEach(retryOn::add);
        settings.put("user_agent", s.userAgent());
        settings.set("base_headers", Json.mapper().valueToTree(new LinkedHashMap<>(s.baseHeaders())));
        ObjectNode rotation = o.putObject("rotation").put("max_age_days", c.rotation().maxAgeDays());
        if (!internal) {
            // when the credential is due for rotation (the key rotator also emits "Credential Rotation Due")
            rotation.put("due_at", RotationSchedule.dueAt(c).map(Object::toString).orElse(null));
        }
        o.set("tags", Json.mapper().valueToTree(new LinkedHashMap<>(c.tags())));
        if (c.verification() == null) o.putNull("verification");
        else o.putObject("verification").put("method", c.verification().method()).put("path", c.verification().path())
                .put("expected_status", c.verification().expectedStatus());
        strings(o.putArray("allowed_return_urls"), c.allowedReturnUrls());
        o.put("version", c.version());
        o.put("created_at", instant(c.createdAt()));
        o.put("updated_at", instant(c.updatedAt()));
        o.put("created_by", c.createdBy());
        o.put("updated_by", c.updatedBy());
        if (c.lastTest() == null) o.putNull("last_test");
        else {
            ObjectNode t = o.putObject("last_test");
            t.put("outcome", c.lastTest().outcome());
            t.put("tested_at", instant(c.lastTest().testedAt()));
            ArrayNode checks = t.putArray("checks");
            for (LastTest.Check check : c.lastTest().checks()) {
                checks.addObject().put("name", check.name()).put("outcome", check.outcome())
                        .put("detail", check.detail()).put("duration_ms", check.durationMs());
            }
        }
        return o;
    }

    /** Reads the stored form back; {@code tenantId} comes from the item's key, never from the document. */
    public static Connection read(JsonNode o, String tenantId) {
        Connection.Builder b = new Connection.Builder()
                .id(o.path("id").asText())
                .tenantId(tenantId)
                .name(o.path("name").asText())
                .description(o.path("description").asText(""))
                .environment(o.path("environment").asText())
                .provider(o.path("provider").asText())
                .authType(AuthType.fromWire(o.path("auth_type").asText()).orElseThrow())
                .status(ConnectionStatus.fromWire(o.path("status").asText()).orElseThrow())
                .statusReason(text(o.path("status_reason")))
                .scopes(strings(o.path("scopes")))
                .tags(stringMap(o.path("tags")))
                .allowedReturnUrls(strings(o.path("allowed_return_urls")))
                .version(o.path("version").asLong())
                .createdAt(Instant.parse(o.path("created_at").asText()))
                .updatedAt(Instant.parse(o.path("updated_at").asText()))
                .createdBy(text(o.path("created_by")))
                .updatedBy(text(o.path("updated_by")))
                .rotation(new Rotation(o.path("rotation").path("max_age_days").asInt(Rotation.DEFAULT.maxAgeDays())));
        JsonNode a = o.path("oauth");
        if (a.isObject()) {
            b.oauth(new OAuthConfig(text(a.path("client_id")), summary(a.path("client_secret")), text(a.path("redirect_uri")),
                    text(a.path("authorization_url")), text(a.path("token_url")), a.path("pkce").asBoolean(true),
                    TokenEndpointAuthMethod.fromWire(a.path("token_endpoint_auth_method").asText()).orElse(TokenEndpointAuthMethod.CLIENT_SECRET_POST),
                    stringMap(a.path("extra_authorization_params"))));
        }
        JsonNode k = o.path("api_key");
        if (k.isObject()) {
            b.apiKey(new ApiKeyConfig(summary(k.path("key")), text(k.path("base_url")),
                    KeyPlacement.fromWire(k.path("placement").asText()).orElse(KeyPlacement.HEADER),
                    text(k.path("name")), text(k.path("prefix"))));
        }
        JsonNode s = o.path("settings");
        JsonNode r = s.path("retry");
        List<Integer> retryOn = new ArrayList<>();
        r.path("retry_on").forEach(n -> retryOn.add(n.asInt()));
        b.settings(new ConnectionSettings(s.path("auto_refresh").asBoolean(), s.path("token_expiry").asInt(),
                s.path("refresh_buffer").asInt(), TokenStorage.fromWire(s.path("token_storage").asText()).orElse(TokenStorage.VAULT),
                s.path("rate_limit").asInt(), s.path("timeout").asInt(),
                new RetryPolicy(r.path("max_attempts").asInt(), r.path("initial_delay_ms").asLong(), r.path("max_delay_ms").asLong(), retryOn),
                text(s.path("user_agent")), stringMap(s.path("base_headers"))));
        JsonNode v = o.path("verification");
        if (v.isObject()) b.verification(new Verification(v.path("method").asText(), v.path("path").asText(), v.path("expected_status").asInt()));
        JsonNode t = o.path("last_test");
        if (t.isObject()) {
            List<LastTest.Check> checks = new ArrayList<>();
            t.path("checks").forEach(c -> checks.add(new LastTest.Check(c.path("name").asText(), c.path("outcome").asText(),
                    text(c.path("detail")), c.path("duration_ms").asLong())));
            b.lastTest(new LastTest(t.path("outcome").asText(), Instant.parse(t.path("tested_at").asText()), checks));
        }
        return b.build();
    }

    private static ObjectNode summary(CredentialSummary summary, boolean internal) {
        ObjectNode n = Json.object();
        n.put("set", summary != null && summary.set());
        n.put("last4", summary == null ? null : summary.last4());
        n.put("updated_at", summary == null ? null : instant(summary.updatedAt()));
        if (internal && summary != null) n.put("version_id", summary.versionId());
        return n;
    }

    private static CredentialSummary summary(JsonNode n) {
        if (!n.isObject()) return new CredentialSummary(false, null, null, null);
        String at = text(n.path("updated_at"));
        return new CredentialSummary(n.path("set").asBoolean(), text(n.path("last4")), at == null ? null : Instant.parse(at),
                text(n.path("version_id")));
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isObject()) n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
