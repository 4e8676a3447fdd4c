package dev.agentauth.functions.accounts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentauth.application.accounts.Pkce;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict OAuth provider for refresh races: it enforces PKCE on the code exchange, rotates the
 * refresh token on every refresh, and revokes the whole token family when a rotated (old)
 * refresh token is presented again, as the OAuth 2.0 Security BCP recommends. Faults can be
 * switched on for the next refresh calls.
 */
final class RotatingProvider implements AutoCloseable {

    private record PendingCode(String challenge, String redirectUri) {}

    private static final class Family {
        String currentRefresh;
        String currentAccess;
        final List<String> usedRefresh = new ArrayList<>();
        boolean revoked;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, PendingCode> codes = new HashMap<>();
    private final Map<String, Family> byRefresh = new HashMap<>();
    private final Map<String, Family> byAccess = new HashMap<>();
    final AtomicInteger refreshCalls = new AtomicInteger();
    final AtomicInteger codeExchanges = new AtomicInteger();
    final AtomicInteger invalidGrants = new AtomicInteger();
    final AtomicInteger revocations = new AtomicInteger();
    final AtomicInteger clientCredentialGrants = new AtomicInteger();
    private volatile int failNext;
    private volatile int failStatus = 503;
    private volatile boolean omitRefreshToken;
    private volatile long expiresIn = 3600;

    RotatingProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.setExecutor(executor);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void failNextRefreshes(int count, int status) {
        failStatus = status;
        failNext = count;
    }

    void omitRefreshToken(boolean omit) {
        omitRefreshToken = omit;
    }

    void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    synchronized boolean accessTokenValid(String token) {
        Family family = byAccess.get(token);
        return family != null && !family.revoked && token.equals(family.currentAccess);
    }

    synchronized boolean anyFamilyRevoked() {
        return byRefresh.values().stream().anyMatch(f -> f.revoked);
    }

    /** Auto-login: answers the redirect with a code for the given challenge. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = AccountsFixture.query(exchange.getRequestURI());
        String code = "code-" + UUID.randomUUID();
        synchronized (this) {
            codes.put(code, new PendingCode(query.get("code_challenge"), query.get("redirect_uri")));
        }
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + java.net.URLEncoder.encode(query.get("state"),
                StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = AccountsFixture.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        if (!"client-1".equals(form.get("client_id")) || !AccountsFixture.CLIENT_SECRET.equals(form.get("client_secret"))) {
            respond(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchangeCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            case "client_credentials" -> {
                clientCredentialGrants.incrementAndGet();
                Map<String, Object> answer;
                synchronized (this) {
                    answer = issue(new Family(), false);
                }
                respond(exchange, 200, answer);
            }
            default -> respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        codeExchanges.incrementAndGet();
        Map<String, Object> answer;
        synchronized (this) {
            PendingCode pending = codes.remove(form.get("code"));
            if (pending == null || form.get("code_verifier") == null
                    || !Pkce.challengeOf(form.get("code_verifier")).equals(pending.challenge())
                    || !pending.redirectUri().equals(form.get("redirect_uri"))) {
                answer = null;
            } else {
                Family family = new Family();
                answer = issue(family, true);
            }
        }
        if (answer == null) respond(exchange, 400, Map.of("error", "invalid_grant"));
        else respond(exchange, 200, answer);
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        refreshCalls.incrementAndGet();
        if (failNext > 0) {
            synchronized (this) {
                failNext--;
            }
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, failStatus, Map.of("error", "temporarily_unavailable"));
            return;
        }
        Map<String, Object> answer;
        synchronized (this) {
            String presented = form.get("refresh_token");
            Family family = byRefresh.get(presented);
            if (family == null || family.revoked) {
                answer = null;
            } else if (!presented.equals(family.currentRefresh)) {
                family.revoked = true; // reuse of a rotated token: the whole family dies
                answer = null;
            } else {
                family.usedRefresh.add(presented);
                answer = issue(family, !omitRefreshToken);
            }
        }
        if (answer == null) {
            invalidGrants.incrementAndGet();
            respond(exchange, 400, Map.of("error", "invalid_grant", "error_description", "refresh token reused or revoked"));
        } else {
            respond(exchange, 200, answer);
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = AccountsFixture.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        revocations.incrementAndGet();
        synchronized (this) {
            Family family = byRefresh.get(form.get("token"));
            if (family == null) family = byAccess.get(form.get("token"));
            if (family != null) family.revoked = true;
        }
        respond(exchange, 200, Map.of());
    }

    private Map<String, Object> issue(Family family, boolean withRefresh) {
        String access = "at-" + UUID.randomUUID();
        family.currentAccess = access;
        byAccess.put(access, family);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", expiresIn);
        answer.put("scope", "openid read");
        if (withRefresh) {
            String refresh = "rt-" + UUID.randomUUID();
            family.currentRefresh = refresh;
            byRefresh.put(refresh, family);
            answer.put("refresh_token", refresh);
        }
        return answer;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
