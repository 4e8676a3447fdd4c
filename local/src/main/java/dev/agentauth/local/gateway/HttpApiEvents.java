package dev.agentauth.local.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import dev.agentauth.local.aws.EmulatorResources;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds API Gateway HTTP API events (payload format 2.0) from HTTP requests, as the service
 * does: header names lower-cased and repeated values comma-joined, cookies split out, query
 * parameters decoded (repeats comma-joined), a binary body base64-encoded.
 */
public final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml",
            "application/x-www-form-urlencoded", "application/javascript", "application/problem+json",
            "application/merge-patch+json", "application/graphql");

    private HttpApiEvents() {}

    /**
     * @param routeKey the matched route's key ({@code GET /v1/providers/{key}} or {@code $default})
     * @param claims   the verified token's claims, or null when the route has no authorizer
     */
    public static ObjectNode build(GatewayRequest request, String routeKey, Map<String, String> pathParameters,
                                   String requestId, Map<String, Object> claims, List<String> scopes, Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        ArrayNode cookies = Json.mapper().createArrayNode();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> { for (String c : v.split(";\\s*")) if (!c.isBlank()) cookies.add(c); });
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        if (!cookies.isEmpty()) event.set("cookies", cookies);
        event.set("headers", Json.mapper().valueToTree(headers));
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) event.set("queryStringParameters", Json.mapper().valueToTree(query));
        if (!pathParameters.isEmpty()) event.set("pathParameters", Json.mapper().valueToTree(pathParameters));

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", EmulatorResources.ACCOUNT_ID);
        context.put("apiId", "local");
        context.put("domainName", request.host());
        context.put("domainPrefix", request.host().split("[.:]", 2)[0]);
        context.putObject("http")
                .put("method", request.method())
                .put("path", request.rawPath())
                .put("protocol", request.protocol())
                .put("sourceIp", request.sourceIp())
                .put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimNode = jwt.putObject("claims");
            claims.forEach((name, value) -> claimNode.put(name, claimText(value)));
            ArrayNode scopeNode = jwt.putArray("scopes");
            scopes.forEach(scopeNode::add);
        }

        if (request.body() != null && request.body().length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The authorizer passes claims on as strings: arrays as {@code [a b]}, dates as epoch seconds. */
    private static String claimText(Object value) {
        return switch (value) {
            case java.util.Date date -> String.valueOf(date.toInstant().getEpochSecond());
            case List<?> list -> "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
            case Map<?, ?> map -> Json.write(map);
            default -> String.valueOf(value);
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return values;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            String[] parts = pair.split("=", 2);
            String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            values.merge(name, value, (a, b) -> a + "," + b);
        }
        return values;
    }

    static boolean isText(String contentType) {
        if (contentType == null) return true;
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.startsWith("text/") || TEXT_TYPES.contains(media) || media.endsWith("+json") || media.endsWith("+xml");
    }
}
