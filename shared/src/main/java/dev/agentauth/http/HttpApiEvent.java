package dev.agentauth.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.domain.Caller;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an API Gateway HTTP API (payload format 2.0) event without the events library. */
final class HttpApiEvent {

    private HttpApiEvent() {}

    static ApiRequest parse(JsonNode event) {
        JsonNode context = event.path("requestContext");
        String requestId = text(context.path("requestId")).orElse("unknown");
        Map<String, String> headers = new HashMap<>();
        event.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        Map<String, String> query = strings(event.path("queryStringParameters"));
        Map<String, String> path = strings(event.path("pathParameters"));
        String body = text(event.path("body")).orElse(null);
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        String method = text(context.path("http").path("method")).orElse("GET");
        String rawPath = text(context.path("http").path("path")).orElse(text(event.path("rawPath")).orElse("/"));
        return new ApiRequest(method, rawPath, path, query, headers, body, requestId, caller(context).orElse(null));
    }

    /** The caller from the claims API Gateway's JWT authorizer verified; absent when there are none. */
    private static Optional<Caller> caller(JsonNode context) {
        JsonNode claims = context.path("authorizer").path("jwt").path("claims");
        Optional<String> tenant = text(claims.path("tenant_id"));
        if (tenant.isEmpty()) return Optional.empty();
        Set<String> scopes = new LinkedHashSet<>();
        JsonNode scope = claims.path("scope");
        if (scope.isArray()) scope.forEach(s -> scopes.add(s.asText()));
        else text(scope).ifPresent(s -> scopes.addAll(Arrays.asList(s.replace("[", "").replace("]", "").split("[ ,]+"))));
        scopes.remove("");
        return Optional.of(new Caller(tenant.get(), text(claims.path("sub")).orElse(null), scopes));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new HashMap<>();
        if (node.isObject()) node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    static JsonNode read(java.io.InputStream input) throws java.io.IOException {
        return Json.mapper().readTree(input);
    }
}
