package dev.agentauth.http;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What a handler answered, parsed for assertions. */
public record HandlerResponse(int status, JsonNode headers, String body) {

    public static HandlerResponse invoke(RequestStreamHandler handler, HttpApiEventBuilder event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(event.toStream(), out, new TestContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode response = Json.parse(out.toString(StandardCharsets.UTF_8));
        return new HandlerResponse(response.path("statusCode").asInt(), response.path("headers"), response.path("body").asText());
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    public String header(String name) {
        JsonNode value = headers.get(name);
        return value == null ? null : value.asText();
    }
}
