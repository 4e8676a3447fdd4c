package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.accounts.CompleteAuthorization;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiRequest;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * GET /v1/oauth/callback: no bearer token, the state authenticates it. Answers a redirect to
 * the return URL or a plain self-contained page (no scripts, nothing third-party, no referrer).
 */
public final class OAuthCallbackHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final CompleteAuthorization completeAuthorization;

    public OAuthCallbackHandler() {
        this(Environment.system());
    }

    public OAuthCallbackHandler(Environment environment) {
        OAuthCallbackComponent component = OAuthCallbackComponent.create(environment);
        this.api = component.api();
        this.completeAuthorization = component.completeAuthorization();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.PUBLIC, request -> respond(completeAuthorization.complete(callback(request),
                request.requestId())));
    }

    private static CompleteAuthorization.Callback callback(ApiRequest request) {
        return new CompleteAuthorization.Callback(request.query("code").orElse(null), request.query("state").orElse(null),
                request.query("iss").orElse(null), request.query("error").orElse(null));
    }

    private static ApiResponse respond(CompleteAuthorization.Outcome outcome) {
        ApiResponse response = outcome.redirectTo().map(ApiResponse::redirect)
                .orElseGet(() -> ApiResponse.html(outcome.status(), CallbackPage.render(outcome.title(), outcome.message())));
        return response.withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .withHeader("X-Content-Type-Options", "nosniff");
    }
}
