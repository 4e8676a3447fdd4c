package dev.agentauth.local.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What the API answered to a system test's request. */
public record ApiResult(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
