package dev.agentauth.testdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;

/**
 * Test-data builders for connection requests. The template bodies are the product page's
 * (Google Workspace and Slack) plus a name and credentials.
 */
public final class ConnectionRequests {

    private ConnectionRequests() {}

    /** The product page's Google Workspace template body, with name and credentials. */
    public static ObjectNode googleWorkspace(String name, String clientSecret) {
        ObjectNode body = (ObjectNode) Json.parse("""
                { "provider": "google_workspace", "auth_type": "oauth2",
                  "scopes": [ "https://www.googleapis.com/auth/gmail.readonly",
                              "https://www.googleapis.com/auth/calendar.readonly" ],
                  "settings": { "auto_refresh": true, "rate_limit": 100, "timeout": 30 } }""");
        body.put("name", name);
        body.putObject("oauth").put("client_id", "1234-abc.apps.googleusercontent.com").put("client_secret", clientSecret);
        return body;
    }

    /** The product page's Slack template body, with name and credentials. */
    public static ObjectNode slack(String name, String clientSecret) {
        ObjectNode body = (ObjectNode) Json.parse("""
                { "provider": "slack", "auth_type": "oauth2",
                  "scopes": [ "channels:read", "chat:write", "users:read" ],
                  "settings": { "auto_refresh": true, "rate_limit": 50, "timeout": 15 } }""");
        body.put("name", name);
        body.putObject("oauth").put("client_id", "1111.2222").put("client_secret", clientSecret);
        return body;
    }

    /** An API-key connection to OpenAI (template fills URL and placement). */
    public static ObjectNode openai(String name, String apiKey) {
        ObjectNode body = Json.object();
        body.put("name", name).put("provider", "openai").put("auth_type", "api_key");
        body.putObject("api_key").put("key", apiKey);
        return body;
    }

    /** A custom OAuth 2.0 provider with every URL given explicitly. */
    public static ObjectNode customOAuth(String name, String clientSecret) {
        ObjectNode body = Json.object();
        body.put("name", name).put("provider", "custom").put("auth_type", "oauth2");
        body.putArray("scopes").add("read").add("write");
        body.putObject("oauth").put("client_id", "custom-client").put("client_secret", clientSecret)
                .put("authorization_url", "https://auth.example.com/authorize")
                .put("token_url", "https://auth.example.com/token")
                .put("redirect_uri", "https://app.example.com/callback");
        return body;
    }

    /** A custom API-key provider with its base URL. */
    public static ObjectNode customApiKey(String name, String key) {
        ObjectNode body = Json.object();
        body.put("name", name).put("provider", "custom").put("auth_type", "api_key");
        body.putObject("api_key").put("key", key).put("base_url", "https://api.example.com/v2")
                .put("placement", "query").put("name", "api_key").put("prefix", "");
        return body;
    }
}
