package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request each function is measured with: {@code events/<module>.json} when the project has
 * a sample event for it (the same one {@code ./dev invoke} uses), otherwise an HTTP API v2 event
 * generated from the route in template.yaml, authenticated the way the JWT authorizer passes a
 * caller on. Path parameters are filled from {@code pathValues} (ids the bench seeded).
 */
final class Events {

    static final String TENANT = "bench-tenant";
    static final List<String> ALL_SCOPES = List.of("connections:read", "connections:write", "connections:test",
            "accounts:read", "accounts:write", "tokens:read", "audit:read");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

    private final Path root;
    private final Path directory;

    Events(Path root, Path directory) {
        this.root = root;
        this.directory = directory;
    }

    /**
     * Writes the events for {@code invocations} invocations of this function to a .jsonl file:
     * a create gets a unique name and idempotency key per invocation (else it would measure an
     * idempotent replay or a conflict), a delete a fresh resource per invocation from
     * {@code freshIds}, an OAuth callback a fresh {@code code=...&state=...} query from {@code freshIds}
     * (a state is single use), an update drops If-Match (so that repeating it is not a 412) and sets a
     * new description each time (so that it is not a no-op); any other
     * request is the same event each time. {@code bodyEdit} changes the JSON body of every event
     * (the seeder points the samples at its own resources).
     */
    Path eventsFor(Template.Function function, Map<String, String> pathValues, int invocations, Iterator<String> freshIds,
            Consumer<ObjectNode> bodyEdit) throws IOException {
        ObjectNode base = baseEvent(function, pathValues);
        if (base.hasNonNull("body") && Json.parse(base.get("body").asText()) instanceof ObjectNode body) {
            bodyEdit.accept(body);
            base.put("body", Json.write(body));
        }
        List<String> lines = new ArrayList<>();
        Kind kind = kind(function);
        if (kind == Kind.CREATE) {
            for (int i = 0; i < invocations; i++) lines.add(Json.write(unique(base, RUN + "-" + COUNTER.incrementAndGet())));
        } else if (kind == Kind.DELETE && freshIds.hasNext()) {
            for (int i = 0; i < invocations && freshIds.hasNext(); i++) lines.add(Json.write(withId(function, base, freshIds.next())));
        } else if (kind == Kind.CALLBACK && freshIds.hasNext()) {
            for (int i = 0; i < invocations && freshIds.hasNext(); i++) lines.add(Json.write(withQuery(base, freshIds.next())));
        } else if (kind == Kind.UPDATE) {
            // a repeated identical merge patch changes nothing: give each invocation a real change
            if (base.get("headers") instanceof ObjectNode headers) headers.remove("if-match");
            for (int i = 0; i < invocations; i++) lines.add(Json.write(describedAs(base, "bench update " + RUN + "-" + COUNTER.incrementAndGet())));
        } else if (base.path("headers").has("idempotency-key")) {
            // a repeated key would measure a replay (a rotation resumed), not the operation
            for (int i = 0; i < invocations; i++) lines.add(Json.write(unique(base, RUN + "-" + COUNTER.incrementAndGet())));
        } else {
            lines.add(Json.write(base));
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(function.logicalId() + "-" + COUNTER.incrementAndGet() + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    enum Kind { CREATE, DELETE, UPDATE, CALLBACK, OTHER }

    static Kind kind(Template.Function function) {
        if (function.httpRoute().isEmpty()) return Kind.OTHER;
        Template.Trigger route = function.httpRoute().get();
        if (route.path().equals("/v1/oauth/callback")) return Kind.CALLBACK;
        if (route.method().equals("POST") && !route.path().contains("{")) return Kind.CREATE;
        if (route.method().equals("DELETE") && route.path().endsWith("{id}")) return Kind.DELETE;
        if (route.method().equals("PATCH")) return Kind.UPDATE;
        return Kind.OTHER;
    }

    private static ObjectNode unique(ObjectNode base, String suffix) {
        ObjectNode event = base.deepCopy();
        if (event.get("headers") instanceof ObjectNode headers && headers.has("idempotency-key")) {
            headers.put("idempotency-key", "bench-" + suffix);
        }
        if (event.hasNonNull("body")) {
            JsonNode body = Json.parse(event.get("body").asText());
            if (body instanceof ObjectNode b && b.hasNonNull("name")) {
                b.put("name", b.get("name").asText() + "-" + suffix);
                event.put("body", Json.write(b));
            }
        }
        return event;
    }

    private static ObjectNode describedAs(ObjectNode base, String description) {
        ObjectNode event = base.deepCopy();
        JsonNode body = event.hasNonNull("body") ? Json.parse(event.get("body").asText()) : Json.object();
        if (body instanceof ObjectNode b) {
            b.put("description", description);
            event.put("body", Json.write(b));
        }
        return event;
    }

    private static ObjectNode withId(Template.Function function, ObjectNode base, String id) {
        ObjectNode event = base.deepCopy();
        authenticate(event, function, Map.of("id", id));
        return event;
    }

    private static ObjectNode withQuery(ObjectNode base, String query) {
        ObjectNode event = base.deepCopy();
        event.put("rawQueryString", query);
        ObjectNode parameters = event.putObject("queryStringParameters");
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return event;
    }

    private ObjectNode baseEvent(Template.Function function, Map<String, String> pathValues) throws IOException {
        Path sample = root.resolve("events").resolve(function.moduleName() + ".json");
        ObjectNode event;
        if (Files.exists(sample)) {
            event = (ObjectNode) Json.mapper().readTree(sample.toFile());
            if (event.has("requestContext")) authenticate(event, function, pathValues);
        } else if (function.httpRoute().isPresent()) {
            event = generated(function.httpRoute().get(), pathValues);
        } else {
            event = scheduled(function);
        }
        return event;
    }

    static boolean hasIdempotencyKey(Template.Function function, Path root) {
        Path sample = root.resolve("events").resolve(function.moduleName() + ".json");
        try {
            return Files.exists(sample) && Json.mapper().readTree(sample.toFile()).path("headers").has("idempotency-key");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean hasSample(Path root, Template.Function function) {
        return Files.exists(root.resolve("events").resolve(function.moduleName() + ".json"));
    }

    private static ObjectNode generated(Template.Trigger route, Map<String, String> pathValues) {
        String method = route.method().equals("ANY") ? "GET" : route.method();
        boolean isDefault = route.path().equals("$default");
        String template = isDefault ? "/v1/no-such-route" : route.path();
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", isDefault ? "$default" : method + " " + route.path());
        ObjectNode parameters = Json.object();
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = pathValues.getOrDefault(name, defaultValue(name));
            parameters.put(name, value);
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        event.put("rawPath", path.toString());
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json").put("authorization", "Bearer bench")
                .put("user-agent", "agentauth-bench");
        if (!parameters.isEmpty()) event.set("pathParameters", parameters);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", event.get("routeKey").asText());
        context.putObject("http").put("method", method).put("path", path.toString()).put("sourceIp", "192.0.2.10");
        if (!isDefault) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.put("tenant_id", TENANT);
            claims.put("sub", "bench-user");
            claims.put("scope", String.join(" ", ALL_SCOPES));
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) event.put("body", "{}");
        event.put("isBase64Encoded", false);
        return event;
    }

    /** Sample events name their own tenant and ids; the bench's seeded data lives under its tenant. */
    private static void authenticate(ObjectNode event, Template.Function function, Map<String, String> pathValues) {
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        if (claims instanceof ObjectNode c) {
            c.put("tenant_id", TENANT);
            c.put("scope", String.join(" ", ALL_SCOPES));
        }
        if (event.get("pathParameters") instanceof ObjectNode parameters && function.httpRoute().isPresent()) {
            String path = function.httpRoute().get().path();
            for (var name : (Iterable<String>) parameters::fieldNames) {
                if (pathValues.containsKey(name)) parameters.put(name, pathValues.get(name));
            }
            Matcher matcher = PARAMETER.matcher(path);
            StringBuilder raw = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(raw, Matcher.quoteReplacement(parameters.path(matcher.group(1)).asText(defaultValue(matcher.group(1)))));
            }
            matcher.appendTail(raw);
            event.put("rawPath", raw.toString());
            if (event.path("requestContext").path("http") instanceof ObjectNode http) http.put("path", raw.toString());
        }
        if (event.get("queryStringParameters") instanceof ObjectNode query) {
            StringBuilder raw = new StringBuilder();
            for (var name : (Iterable<String>) query::fieldNames) {
                if (pathValues.containsKey(name)) query.put(name, pathValues.get(name));
                if (!raw.isEmpty()) raw.append('&');
                raw.append(name).append('=').append(java.net.URLEncoder.encode(query.get(name).asText(), java.nio.charset.StandardCharsets.UTF_8));
            }
            event.put("rawQueryString", raw.toString());
        }
    }

    private static ObjectNode scheduled(Template.Function function) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", Emulator.ACCOUNT);
        event.put("time", java.time.Instant.now().toString());
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:events:us-east-1:" + Emulator.ACCOUNT + ":rule/" + function.logicalId());
        event.putObject("detail");
        return event;
    }

    private static String defaultValue(String name) {
        return switch (name) {
            case "key", "provider" -> "slack";
            default -> "bench-" + name;
        };
    }
}
