package dev.agentauth.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.Caller;
import dev.agentauth.domain.PayloadTooLargeException;
import dev.agentauth.json.Json;
import java.util.Map;
import java.util.Optional;

/** An HTTP API (payload v2) request, reduced to what handlers use. Header names are lower-case. */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String body,
        String requestId,
        Caller caller) {

    /** Body limit of API.md: 256 KiB. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) throw new BadRequestException("missing path parameter " + name);
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isEmpty());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The body as a JSON object: 413 over the limit, 400 for a wrong content type or malformed JSON. */
    public ObjectNode jsonObject() {
        if (body == null || body.isBlank()) throw new BadRequestException("a JSON body is required");
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("the body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        String contentType = header("content-type").orElse("application/json");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/merge-patch+json")) {
            throw new BadRequestException("content type must be application/json");
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (Json.MalformedJsonException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) throw new BadRequestException("the body must be a JSON object");
        return object;
    }
}
