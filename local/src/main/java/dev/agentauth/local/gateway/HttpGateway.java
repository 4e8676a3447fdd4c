package dev.agentauth.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.Problem;
import dev.agentauth.http.ProblemMapper;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalDeployment;
import dev.agentauth.local.RuntimeLog;
import dev.agentauth.local.lambda.FunctionFailedException;
import dev.agentauth.local.template.HttpRoute;
import dev.agentauth.local.template.Template.Nodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local API Gateway: serves every HttpApi route of template.yaml on 127.0.0.1 by verifying
 * the bearer token like the JWT authorizer, building the HTTP API v2 event and invoking the
 * route's function, then translating its response back to HTTP. Answers it gives itself
 * (401/403 from the authorizer, 500 when a function fails) are problem+json with the headers
 * every response of the API carries; a function's own response passes through unchanged.
 */
public final class HttpGateway implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Handler handler;

    private HttpGateway(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    /** Binds the port now (so the issuer URL is known before the deployment starts); serves after {@link #start}. */
    public static HttpGateway bind(int port) {
        try {
            return new HttpGateway(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " (set --port or PORT)", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public void start(LocalDeployment deployment, TokenIssuer issuer, Clock clock) {
        this.handler = new Handler(deployment, issuer, clock);
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static final class Handler {
        private final LocalDeployment deployment;
        private final RouteTable routes;
        private final Map<String, JwtAuthorizer> authorizers = new HashMap<>();
        private final TokenIssuer issuer;
        private final DevelopmentEndpoints development;
        private final Clock clock;

        Handler(LocalDeployment deployment, TokenIssuer issuer, Clock clock) {
            this.deployment = deployment;
            this.issuer = issuer;
            this.clock = clock;
            this.development = new DevelopmentEndpoints(deployment, issuer);
            List<HttpRoute> templateRoutes = deployment.template().httpRoutes();
            this.routes = new RouteTable(templateRoutes);
            for (HttpRoute route : templateRoutes) {
                if (route.requiresToken()) authorizers.computeIfAbsent(route.authorizer(), this::authorizer);
            }
        }

        /** The template's JWT authorizer, with its issuer and audience resolved to the local identity provider's. */
        private JwtAuthorizer authorizer(String name) {
            Map<String, Object> jwt = Nodes.map(
                    deployment.template().authorizer(name).get("JwtConfiguration"));
            String issuerUrl = deployment.resources().resolver().string(jwt.get("issuer"));
            List<String> audiences = Nodes.strings(
                    deployment.resources().resolver().resolve(jwt.get("audience")));
            return new JwtAuthorizer(issuer.publicKeys(), issuerUrl, audiences.isEmpty() ? issuer.audience() : audiences.get(0));
        }

        void handle(HttpExchange exchange) throws IOException {
            String requestId = UUID.randomUUID().toString();
            GatewayRequest request = read(exchange);
            GatewayResponse response;
            try {
                response = respond(request, requestId);
            } catch (FunctionFailedException e) {
                RuntimeLog.error(request.method() + " " + request.rawPath() + " (request " + requestId + ")", e.getCause());
                response = own(ProblemMapper.internalError(requestId), requestId);
            } catch (RuntimeException e) {
                RuntimeLog.error("the local gateway failed on " + request.method() + " " + request.rawPath(), e);
                response = own(ProblemMapper.internalError(requestId), requestId);
            }
            write(exchange, response.withHeaderIfAbsent("apigw-requestid", requestId));
        }

        private GatewayResponse respond(GatewayRequest request, String requestId) {
            if (request.rawPath().startsWith(DevelopmentEndpoints.PREFIX)) return development.handle(request, requestId);
            Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
            if (match.isEmpty()) {
                // no $default route in the template: API Gateway's own 404
                return own(ProblemMapper.toResponse(new NotFoundException("no route "
                        + request.method() + " " + request.rawPath()), requestId), requestId);
            }
            HttpRoute route = match.get().route();
            Map<String, Object> claims = null;
            List<String> scopes = List.of();
            if (route.requiresToken()) {
                JwtAuthorizer.Decision decision = authorizers.get(route.authorizer())
                        .authorize(header(request, "authorization"), route.scopes());
                switch (decision) {
                    case JwtAuthorizer.Decision.Unauthorized u -> { return own(ProblemMapper.unauthorized(u.reason()), requestId); }
                    case JwtAuthorizer.Decision.Forbidden f -> {
                        return own(ProblemMapper.problem(new Problem("https://agentauth.dev/problems/forbidden",
                                "Forbidden", 403, f.reason(), List.of())), requestId);
                    }
                    case JwtAuthorizer.Decision.Allowed a -> { claims = a.claims(); scopes = a.scopes(); }
                }
            }
            byte[] event = Json.write(HttpApiEvents.build(request, route.routeKey(), match.get().pathParameters(), requestId,
                    claims, scopes, clock.instant())).getBytes(StandardCharsets.UTF_8);
            return GatewayResponse.fromFunction(deployment.function(route.functionId()).invoke(event));
        }

        private static GatewayResponse own(ApiResponse response, String requestId) {
            return GatewayResponse.ofGateway(response, requestId);
        }

        private static Optional<String> header(GatewayRequest request, String name) {
            return request.headers().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        private static GatewayRequest read(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
                    .orElse("127.0.0.1:" + exchange.getLocalAddress().getPort());
            return new GatewayRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(), host);
        }

        private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
            response.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length")) exchange.getResponseHeaders().put(name, values);
            });
            boolean empty = response.body().length == 0 || response.status() == 204 || response.status() == 304
                    || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }
}
