package dev.agentauth.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway answers: status, headers (each with all its values) and body bytes. */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Translates a function's payload-2.0 response as API Gateway does: {@code statusCode},
     * {@code headers}, {@code cookies}, {@code body} ({@code isBase64Encoded} for binary). A
     * JSON answer without {@code statusCode} is taken as a 200 JSON body.
     */
    public static GatewayResponse fromFunction(byte[] payload) {
        JsonNode response = payload.length == 0 ? Json.object() : Json.parse(new String(payload, StandardCharsets.UTF_8));
        if (!response.isObject() || !response.has("statusCode")) {
            return new GatewayResponse(200, Map.of("Content-Type", List.of("application/json")), payload);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        response.path("multiValueHeaders").properties().forEach(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        List<String> cookies = new ArrayList<>();
        response.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) headers.put("Set-Cookie", cookies);
        JsonNode body = response.path("body");
        byte[] bytes;
        if (body.isMissingNode() || body.isNull()) bytes = new byte[0];
        else if (response.path("isBase64Encoded").asBoolean(false)) bytes = Base64.getDecoder().decode(body.asText());
        else bytes = (body.isTextual() ? body.asText() : Json.write(body)).getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(response.path("statusCode").asInt(200), headers, bytes);
    }

    /** A response of the gateway itself (authorizer rejections, runtime errors) in the API's problem shape. */
    public static GatewayResponse of(ApiResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(response.status(), headers, body);
    }

    /** An answer of the gateway itself, with the headers API.md puts on every response. */
    public static GatewayResponse ofGateway(ApiResponse response, String requestId) {
        return of(response.withHeader("Cache-Control", "no-store").withHeader("X-Request-Id", requestId));
    }

    public GatewayResponse withHeaderIfAbsent(String name, String value) {
        if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name))) return this;
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new GatewayResponse(status, copy, body);
    }
}
