package dev.agentauth.http;

import dev.agentauth.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers; the pipeline adds the headers every response carries. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), Json.write(value));
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, Map.of("Location", location), null);
    }

    public static ApiResponse html(int status, String html) {
        return new ApiResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }
}
