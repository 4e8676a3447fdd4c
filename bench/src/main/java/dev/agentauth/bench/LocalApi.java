package dev.agentauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local runtime's API as a client sees it (java.net.http, HTTP/1.1, one kept-alive
 * connection): bearer tokens from {@code POST /_local/token}, requests sent and answered.
 */
final class LocalApi {

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return Json.parse(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    LocalApi(URI base) {
        this.base = base;
    }

    /** A development token for the tenant with the given scopes, as {@code POST /_local/token} mints it. */
    String token(String tenantId, List<String> scopes) {
        Answer minted = send(HttpRequest.newBuilder(base.resolve("/_local/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("tenant_id", tenantId, "scopes", scopes)))));
        if (minted.status() != 200) throw new IllegalStateException("could not mint a token: " + minted);
        return minted.json().path("access_token").asText();
    }

    /** Request number {@code n} of the call, with the bearer token. */
    HttpRequest request(ApiCall call, String token, int n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        call.headers().apply(n).forEach(request::header);
        String body = call.body().apply(n);
        return request.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    Answer send(ApiCall call, String token, int n) {
        return send(request(call, token, n));
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer send(HttpRequest.Builder request) {
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }
}
