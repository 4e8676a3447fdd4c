package dev.agentauth.local.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.sandbox.SandboxProviders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The offline providers the local runtime offers to connect to. */
@ExtendWith(LocalRuntimeExtension.class)
class SandboxProvidersSystemIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void oauthSandboxRefusesAnAuthorizationRequestWithoutPkce(LocalRuntime runtime) throws Exception {
        URI authorize = runtime.sandboxes().oauthAuthorizationUrl();
        String common = "?response_type=code&client_id=demo&redirect_uri=http://127.0.0.1/callback&scope=openid&state=s1";

        HttpResponse<String> withoutPkce = get(URI.create(authorize + common));
        HttpResponse<String> withPkce = get(URI.create(authorize + common
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));

        assertEquals(400, withoutPkce.statusCode(), withoutPkce::body);
        assertEquals(302, withPkce.statusCode(), withPkce::body);
        assertTrue(withPkce.headers().firstValue("Location").orElseThrow().contains("code="));
    }

    @Test
    void apiKeySandboxAnswersOnlyTheSandboxKey(LocalRuntime runtime) throws Exception {
        URI me = runtime.sandboxes().apiKeyBaseUrl().resolve("/v1/me");

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(me)
                .header("Authorization", "Bearer " + SandboxProviders.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(me)
                .header("Authorization", "Bearer sk-wrong").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, accepted.statusCode());
        assertEquals(401, refused.statusCode());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
