package dev.agentauth.bench;

import dev.agentauth.local.sandbox.SandboxProviders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The provider the bench connects to: the local runtime's sandbox OAuth 2.0 server
 * (mock-oauth2-server, PKCE required), on loopback. It also plays the user's browser: following
 * an authorization URL yields the redirect back with a code and the state.
 */
final class SandboxProvider implements AutoCloseable {

    private final SandboxProviders providers;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxProvider(SandboxProviders providers) {
        this.providers = providers;
    }

    static SandboxProvider start() {
        return new SandboxProvider(SandboxProviders.start());
    }

    URI authorizationUrl() {
        return providers.oauthAuthorizationUrl();
    }

    URI tokenUrl() {
        return providers.oauthTokenUrl();
    }

    /** The query ({@code code=...&state=...}) the provider redirects back with; an IOException when it does not. */
    String authorize(URI authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorizationUrl).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Optional<String> query = response.headers().firstValue("location").map(URI::create).map(URI::getRawQuery)
                .filter(q -> q.contains("code=") && q.contains("state="));
        if (query.isEmpty()) {
            String body = response.body();
            throw new IOException("the sandbox answered " + response.statusCode() + " without a code: "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return query.get();
    }

    @Override
    public void close() {
        providers.close();
    }
}
