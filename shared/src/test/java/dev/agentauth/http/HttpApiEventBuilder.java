package dev.agentauth.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builder for API Gateway HTTP API (v2) events, with the claims the JWT authorizer passes on. */
public final class HttpApiEventBuilder {

    private final String method;
    private final String path;
    private String routeKey;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private String tenantId = "tenant-a";
    private String subject = "user-1";
    private List<String> scopes = List.of("connections:read", "connections:write", "connections:test",
            "accounts:write", "tokens:read", "audit:read");
    private boolean authenticated = true;
    private final String requestId = UUID.randomUUID().toString();

    private HttpApiEventBuilder(String method, String path) {
        this.method = method;
        this.path = path;
        this.routeKey = method + " " + path;
        headers.put("content-type", "application/json");
    }

    public static HttpApiEventBuilder request(String method, String path) {
        return new HttpApiEventBuilder(method, path);
    }

    public HttpApiEventBuilder routeKey(String routeKey) { this.routeKey = routeKey; return this; }
    public HttpApiEventBuilder pathParameter(String name, String value) { pathParameters.put(name, value); return this; }
    public HttpApiEventBuilder query(String name, String value) { query.put(name, value); return this; }
    public HttpApiEventBuilder header(String name, String value) { headers.put(name.toLowerCase(java.util.Locale.ROOT), value); return this; }
    public HttpApiEventBuilder body(String json) { this.body = json; return this; }
    public HttpApiEventBuilder body(Object value) { this.body = Json.write(value); return this; }
    public HttpApiEventBuilder tenant(String tenantId) { this.tenantId = tenantId; return this; }
    public HttpApiEventBuilder subject(String subject) { this.subject = subject; return this; }
    public HttpApiEventBuilder scopes(String... scopes) { this.scopes = List.of(scopes); return this; }
    public HttpApiEventBuilder anonymous() { this.authenticated = false; return this; }

    public String requestId() { return requestId; }

    public ObjectNode toJson() {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.set("headers", Json.mapper().valueToTree(headers));
        if (!query.isEmpty()) event.set("queryStringParameters", Json.mapper().valueToTree(query));
        if (!pathParameters.isEmpty()) event.set("pathParameters", Json.mapper().valueToTree(pathParameters));
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.putObject("http").put("method", method).put("path", path).put("sourceIp", "192.0.2.10");
        if (authenticated) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.put("tenant_id", tenantId);
            claims.put("sub", subject);
            claims.put("scope", String.join(" ", scopes));
        }
        if (body != null) event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    public InputStream toStream() {
        return new ByteArrayInputStream(Json.write(toJson()).getBytes(StandardCharsets.UTF_8));
    }
}
