package dev.agentauth.local.system;

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
 * Calls the local runtime over HTTP as a client of the API would (java.net.http): tokens come
 * from {@code POST /_local/token}, requests carry them as bearer tokens.
 */
public final class ApiClient {

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public ApiClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** A development token for a tenant with the given scopes. */
    public String token(String tenantId, String... scopes) {
        ApiResult minted = post("/_local/token", null, Map.of("tenant_id", tenantId, "scopes", List.of(scopes)));
        if (minted.status() != 200) throw new IllegalStateException("could not mint a token: " + minted);
        return minted.json().path("access_token").asText();
    }

    public ApiResult get(String path, String token) {
        return send(request(path, token).GET());
    }

    public ApiResult post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    public ApiResult patch(String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (ifMatch != null) request.header("If-Match", ifMatch);
        return send(request);
    }

    public ApiResult delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** A request to the API with the bearer token (none when {@code token} is null), for anything the shortcuts miss. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return request;
    }

    public ApiResult send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
