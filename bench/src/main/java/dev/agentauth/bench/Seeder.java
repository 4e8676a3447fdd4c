package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gives every route something real to work on, made through the functions themselves (each from
 * its own artifact), as a client would:
 * <ol>
 *   <li>a {@code custom} OAuth connection whose endpoints are the sandbox provider
 *       ({@link SandboxProvider}), created by {@code POST /v1/connections} and made active by
 *       {@code POST /v1/connections/{id}/test}: its id fills the {@code {id}} of connection routes;</li>
 *   <li>fresh connections for {@code DELETE /v1/connections/{id}}, one per invocation;</li>
 *   <li>authorizations started by {@code POST /v1/connections/{id}/authorizations} and completed at
 *       the sandbox: one connected account whose id fills the {@code {id}} of account routes, fresh
 *       accounts for {@code DELETE /v1/accounts/{id}}, and unused code/state pairs for
 *       {@code GET /v1/oauth/callback}, one per invocation (a state is single use).</li>
 * </ol>
 * A step that fails is logged and the routes that depended on it are measured on what they got
 * (typically a 404 or 409 after their lookup; the report shows each route's status).
 */
final class Seeder {

    /** A delete's and a callback's warm loop is capped: every iteration consumes a resource made beforehand. */
    static final int CONSUMING_WARM_ITERATIONS = 60;
    static final String RETURN_TO = "https://app.example.com/done";
    /** Where the sandbox sends the user back to; the bench reads code and state off that redirect rather than following it. */
    static final String CALLBACK_URL = "https://agentauth.example.com/v1/oauth/callback";

    private final ColdStartBench bench;
    private final Events events;
    private final Template template;
    private final SandboxProvider sandbox;
    private final Consumer<String> log;
    private final Map<String, String> connectionValues = new HashMap<>();
    private final Map<String, String> accountValues = new HashMap<>();
    private final Deque<String> connectionPool = new ArrayDeque<>();
    private final Deque<String> accountPool = new ArrayDeque<>();
    private final Deque<String> callbackPool = new ArrayDeque<>();

    Seeder(ColdStartBench bench, Events events, Template template, SandboxProvider sandbox, Consumer<String> log) {
        this.bench = bench;
        this.events = events;
        this.template = template;
        this.sandbox = sandbox;
        this.log = log;
    }

    /** Invocations one function's measurement makes (see BenchMain): counting 2, each cold JVM 2, class loading 2, each primed JVM 1, warm loop. */
    static int invocationsPerFunction(int runs, int warmIterations) {
        return 2 + 2 * runs + 2 + BenchMain.PRIMED_RUNS + Math.max(20, warmIterations / 5) + Math.min(warmIterations, CONSUMING_WARM_ITERATIONS);
    }

    void seed(List<Template.Function> measured, int runs, int warmIterations) throws IOException, InterruptedException {
        int perFunction = invocationsPerFunction(runs, warmIterations);
        Optional<Template.Function> create = route("POST", "/v1/connections");
        if (create.isEmpty()) return;
        int connectionDeletes = (int) measured.stream().filter(f -> is(f, "DELETE", "/v1/connections/{id}")).count() * perFunction;
        List<String> connections = createConnections(create.get(), 1 + connectionDeletes);
        if (connections.isEmpty()) return;
        String connection = connections.getFirst();
        connectionValues.put("id", connection);
        connectionValues.put("connection_id", connection);
        connectionValues.put("version", "1");
        accountValues.put("connection_id", connection);
        connectionPool.addAll(connections.subList(1, connections.size()));

        Optional<Template.Function> test = route("POST", "/v1/connections/{id}/test");
        if (test.isEmpty() || !activate(test.get(), connection)) return;
        Optional<Template.Function> start = route("POST", "/v1/connections/{id}/authorizations");
        Optional<Template.Function> callback = route("GET", "/v1/oauth/callback");
        if (start.isEmpty() || callback.isEmpty()) return;
        int accountDeletes = (int) measured.stream().filter(f -> is(f, "DELETE", "/v1/accounts/{id}")).count() * perFunction;
        int callbacks = (int) measured.stream().filter(f -> Events.kind(f) == Events.Kind.CALLBACK).count() * perFunction;
        List<Authorization> authorizations = startAuthorizations(start.get(), connection, 1 + accountDeletes + callbacks);
        List<Authorization> toConnect = authorizations.subList(0, Math.min(authorizations.size(), 1 + accountDeletes));
        List<String> accounts = connect(callback.get(), toConnect);
        if (!accounts.isEmpty()) {
            accountValues.put("id", accounts.getFirst());
            accountValues.put("account_id", accounts.getFirst());
            accountPool.addAll(accounts.subList(1, accounts.size()));
        }
        for (Authorization unused : authorizations.subList(toConnect.size(), authorizations.size())) callbackPool.add(unused.query());
        log.accept("bench: seeded connection " + connection + " (active, sandbox provider), " + connectionPool.size()
                + " more for deletes; account " + accountValues.get("id") + ", " + accountPool.size() + " more for deletes; "
                + callbackPool.size() + " pending authorizations for callbacks");
    }

    /** Connections made from the create route's own sample, pointed at the sandbox; the first is the one other routes use. */
    private List<String> createConnections(Template.Function create, int count) throws IOException, InterruptedException {
        Path file = events.eventsFor(create, Map.of(), count, Collections.emptyIterator(), this::sandboxConnection);
        List<String> ids = new ArrayList<>();
        for (JsonNode body : successfulBodies(bench.invoke(create, file, count), count, "creating a connection")) {
            if (body.hasNonNull("id")) ids.add(body.get("id").asText());
        }
        return ids;
    }

    private void sandboxConnection(ObjectNode request) {
        request.put("provider", "custom");
        request.put("auth_type", "oauth2");
        request.putArray("allowed_return_urls").add(RETURN_TO);
        // the sandbox grants whatever is asked; the samples ask for Slack's scopes
        request.putArray("scopes").add("openid").add("channels:read").add("chat:write").add("users:read");
        ObjectNode oauth = request.putObject("oauth");
        oauth.put("client_id", "bench-client");
        oauth.put("client_secret", "bench-client-secret");
        oauth.put("authorization_url", sandbox.authorizationUrl().toString());
        oauth.put("token_url", sandbox.tokenUrl().toString());
        oauth.put("redirect_uri", CALLBACK_URL);
    }

    private boolean activate(Template.Function test, String connection) throws IOException, InterruptedException {
        Path file = events.eventsFor(test, connectionValues, 1, Collections.emptyIterator(), r -> {});
        List<JsonNode> bodies = successfulBodies(bench.invoke(test, file, 1), 1, "testing the connection");
        boolean active = !bodies.isEmpty() && "active".equals(bodies.getFirst().path("status").asText());
        if (!active) log.accept("bench: the seeded connection did not become active: " + (bodies.isEmpty() ? "no answer" : bodies.getFirst()));
        return active;
    }

    record Authorization(String accountId, String query) {}

    /** Starts authorizations and plays the user's browser at the sandbox: each ends with a code and its state. */
    private List<Authorization> startAuthorizations(Template.Function start, String connection, int count) throws IOException, InterruptedException {
        Path file = events.eventsFor(start, connectionValues, count, Collections.emptyIterator(), r -> {
            r.put("return_to", RETURN_TO);
            r.remove("scopes");
        });
        List<Authorization> authorizations = new ArrayList<>();
        for (JsonNode body : successfulBodies(bench.invoke(start, file, count), count, "starting an authorization")) {
            String query;
            try {
                query = sandbox.authorize(URI.create(body.path("authorization_url").asText()));
            } catch (IOException e) {
                log.accept("bench: following " + body.path("authorization_url").asText() + ": " + e.getMessage());
                break;
            }
            authorizations.add(new Authorization(body.path("account_id").asText(), query));
        }
        return authorizations;
    }

    private List<String> connect(Template.Function callback, List<Authorization> authorizations) throws IOException, InterruptedException {
        if (authorizations.isEmpty()) return List.of();
        Path file = events.eventsFor(callback, Map.of(), authorizations.size(),
                authorizations.stream().map(Authorization::query).iterator(), r -> {});
        ChildJvm.Result result = bench.invoke(callback, file, authorizations.size());
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < authorizations.size(); i++) {
            String status = result.values().getOrDefault("status-" + i, "none");
            if (!status.startsWith("2") && !status.startsWith("3")) {
                log.accept("bench: completing an authorization answered " + status + ": " + result.values().get("body-" + i));
                break;
            }
            accounts.add(authorizations.get(i).accountId());
        }
        return accounts;
    }

    private List<JsonNode> successfulBodies(ChildJvm.Result result, int count, String what) {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String status = result.values().getOrDefault("status-" + i, "none");
            if (!status.startsWith("2")) {
                log.accept("bench: " + what + " answered " + status + ": "
                        + (result.values().containsKey("body-" + i) ? result.values().get("body-" + i) : "no response (exit " + result.exitCode() + "): " + result.failure())
                        + (result.errorLogs().isEmpty() ? "" : "; its error log: " + String.join(" | ", result.errorLogs())));
                break;
            }
            bodies.add(Json.parse(Json.parse(result.value("body-" + i)).path("body").asText("{}")));
        }
        return bodies;
    }

    private Optional<Template.Function> route(String method, String path) {
        return template.functions().stream().filter(f -> is(f, method, path))
                .filter(f -> Files.isDirectory(bench.artifactDirectory(f))).findFirst();
    }

    private static boolean is(Template.Function function, String method, String path) {
        return function.httpRoute().filter(r -> r.method().equals(method) && r.path().equals(path)).isPresent();
    }

    private static boolean onAccount(Template.Function function) {
        return function.httpRoute().filter(r -> r.path().startsWith("/v1/accounts/")).isPresent();
    }

    /** The ids this function's requests address. */
    Map<String, String> pathValues(Template.Function function) {
        return onAccount(function) ? accountValues : connectionValues;
    }

    /** What the measured request works on, for the report. */
    String describe(Template.Function function) {
        boolean seeded = !connectionValues.isEmpty();
        return switch (Events.kind(function)) {
            case CREATE -> " with a unique name and idempotency key per request";
            case DELETE -> pool(function).isEmpty() ? " on one resource (404 after the first)"
                    : onAccount(function) ? " on a fresh connected account per request" : " on a fresh connection per request";
            case UPDATE -> " without If-Match, a new description each time, on the seeded connection";
            case CALLBACK -> callbackPool.isEmpty() ? " with an unknown state (400)" : " completing a fresh authorization per request (code exchange at the sandbox provider)";
            case OTHER -> Events.hasIdempotencyKey(function, bench.root()) ? " with a new Idempotency-Key per request, on the seeded connection" : !seeded || function.httpRoute().isEmpty() ? ""
                    : onAccount(function) ? (accountValues.containsKey("id") ? " on the seeded connected account" : "")
                    : " on the seeded connection (custom OAuth, sandbox provider)";
        };
    }

    private Deque<String> pool(Template.Function function) {
        return switch (Events.kind(function)) {
            case DELETE -> onAccount(function) ? accountPool : connectionPool;
            case CALLBACK -> callbackPool;
            default -> new ArrayDeque<>();
        };
    }

    /** The events file for the next run of this function, with {@code invocations} events where they must differ. */
    Path events(Template.Function function, int invocations) throws IOException {
        Deque<String> pool = pool(function);
        Iterator<String> fresh = new Iterator<>() {
            @Override public boolean hasNext() { return !pool.isEmpty(); }
            @Override public String next() { return pool.poll(); }
        };
        return events.eventsFor(function, pathValues(function), invocations, fresh, r -> {});
    }
}
