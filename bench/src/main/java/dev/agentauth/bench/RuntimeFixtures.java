package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalRuntime;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warm routes address, made through the running local runtime the way a client makes
 * it (no store written behind the API's back): a Slack connection to read and update; a
 * {@code custom} OAuth connection to the runtime's sandbox OAuth server, tested (which activates
 * it), with an end-user
 * account connected through the real authorization-code flow (authorize with PKCE at the
 * sandbox, its redirect followed to {@code /v1/oauth/callback}), so that the account holds a
 * fresh token; and that connection's client-credentials token fetched once, so that later
 * requests are served from its cache.
 */
final class RuntimeFixtures {

    final String connectionId;
    final String oauthConnectionId;
    final String accountId;

    private RuntimeFixtures(String connectionId, String oauthConnectionId, String accountId) {
        this.connectionId = connectionId;
        this.oauthConnectionId = oauthConnectionId;
        this.accountId = accountId;
    }

    static RuntimeFixtures create(LocalRuntime runtime, LocalApi api, String token, String run) {
        String connectionId = created(api.send(ApiCall.post("seed", "/v1/connections",
                n -> Json.write(slackConnection("bench-http-" + run))), token, 0), "the connection to read");

        Map<String, Object> oauth = new LinkedHashMap<>();
        oauth.put("client_id", "bench-client");
        oauth.put("client_secret", "bench-secret");
        oauth.put("authorization_url", runtime.sandboxes().oauthAuthorizationUrl().toString());
        oauth.put("token_url", runtime.sandboxes().oauthTokenUrl().toString());
        oauth.put("redirect_uri", runtime.uri("/v1/oauth/callback").toString());
        oauth.put("pkce", true);
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("name", "bench-http-oauth-" + run);
        custom.put("provider", "custom");
        custom.put("auth_type", "oauth2");
        custom.put("scopes", List.of("openid"));
        custom.put("oauth", oauth);
        String oauthConnectionId = created(api.send(ApiCall.post("seed", "/v1/connections", n -> Json.write(custom)), token, 0),
                "the OAuth connection to the sandbox");

        LocalApi.Answer tested = api.send(ApiCall.post("seed", "/v1/connections/" + oauthConnectionId + "/test", n -> null), token, 0);
        if (tested.status() != 200 || !tested.body().contains("\"active\"")) {
            throw new IllegalStateException("testing the OAuth connection (to activate it) answered " + tested);
        }
        LocalApi.Answer started = api.send(ApiCall.post("seed", "/v1/connections/" + oauthConnectionId + "/authorizations",
                n -> Json.write(Map.of("user_id", "bench-user-" + run))), token, 0);
        if (started.status() != 201) throw new IllegalStateException("starting an authorization answered " + started);
        String accountId = started.json().path("account_id").asText();
        URI authorize = URI.create(started.json().path("authorization_url").asText());
        LocalApi.Answer atSandbox = api.send(HttpRequest.newBuilder(authorize).GET());
        String callback = atSandbox.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("the sandbox did not redirect back: " + atSandbox));
        LocalApi.Answer connected = api.send(HttpRequest.newBuilder(URI.create(callback)).GET());
        if (connected.status() != 200 && connected.status() != 302) {
            throw new IllegalStateException("the OAuth callback answered " + connected);
        }
        return new RuntimeFixtures(connectionId, oauthConnectionId, accountId);
    }

    /** The sample request's Slack connection (events/create-connection.json), under a name of its own. */
    static Map<String, Object> slackConnection(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("provider", "slack");
        body.put("auth_type", "oauth2");
        body.put("scopes", List.of("channels:read", "chat:write", "users:read"));
        body.put("settings", Map.of("auto_refresh", true, "rate_limit", 50, "timeout", 15));
        body.put("oauth", Map.of("client_id", "123.456", "client_secret", "sample-client-secret"));
        return body;
    }

    private static String created(LocalApi.Answer answer, String what) {
        if (answer.status() != 201) throw new IllegalStateException("creating " + what + " answered " + answer);
        JsonNode id = answer.json().path("id");
        if (id.isMissingNode()) throw new IllegalStateException("creating " + what + " answered no id: " + answer);
        return id.asText();
    }
}
