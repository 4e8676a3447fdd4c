package dev.agentauth.bench;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * One request to the API as a client makes it: method, path with query, headers and a body,
 * both made per request from its sequence number (so that a create can carry a unique name and
 * idempotency key, and an update a real change).
 *
 * @param label   what the report calls it
 * @param headers the headers of request number {@code n}
 * @param body    the body of request number {@code n}, or null for none
 */
record ApiCall(String label, String method, String pathAndQuery, IntFunction<Map<String, String>> headers, IntFunction<String> body) {

    static ApiCall get(String label, String pathAndQuery) {
        return new ApiCall(label, "GET", pathAndQuery, n -> Map.of(), n -> null);
    }

    static ApiCall post(String label, String path, IntFunction<String> body) {
        return new ApiCall(label, "POST", path, n -> Map.of("Content-Type", "application/json"), body);
    }

    String path() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    String rawQuery() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? "" : pathAndQuery.substring(query + 1);
    }
}
